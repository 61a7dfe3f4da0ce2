package dev.rearm.pipeline;

import java.nio.file.Path;
import java.time.Instant;

/** The run.json a step test records into: a run started at the epoch, outside any git checkout. */
final class BlankRunRecord {
    private BlankRunRecord() {
    }

    static RunRecord start() {
        return RunRecord.start("test", "mvn verify", Path.of("."), Instant.EPOCH, new GitState(null, null));
    }
}
