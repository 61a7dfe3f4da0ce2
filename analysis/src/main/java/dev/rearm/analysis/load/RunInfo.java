package dev.rearm.analysis.load;

import java.util.List;

/**
 * How a run was made, from the optional {@code RUN_DIR/run.json}. Its shape (every key optional;
 * unknown keys are ignored):
 *
 * <pre>
 * { "command": "mvn -B verify -Pfull", "profile": "full",
 *   "startedAt": "2026-01-01T10:00:00Z", "finishedAt": "2026-01-01T10:40:00Z",
 *   "gitCommit": "3ff83fc", "host": "builder-1",
 *   "notes": [ "free text shown in the report" ],
 *   "notRun": [ { "what": "ThreadsBenchmark", "why": "nproc is 1" } ] }
 * </pre>
 *
 * Without the file every field reads "unknown" in the report.
 */
public record RunInfo(String source, String command, String profile, String startedAt, String finishedAt,
                      String gitCommit, String host, List<String> notes, List<NotMeasured> notRun) {

    public static RunInfo unknown(String why) {
        return new RunInfo(why, null, null, null, null, null, null, List.of(), List.of());
    }
}
