package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the harness with bad input and checks how it refuses: exit 2, one line, nothing written. */
final class RefusedInput {
    private RefusedInput() {
    }

    /** Runs the harness with {@code args} and {@code --out DIR/native.json}. */
    static HarnessRun runWithOut(Path dir, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--out");
        all.add(dir.resolve("native.json").toString());
        return Harness.run(all);
    }

    /** Exit 2, one stderr line naming {@code mentions} and what is valid, no stdout, no output file. */
    static void assertRefusedInOneLine(Path dir, HarnessRun run, String... mentions) {
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isEqualTo(2);
        assertThat(run.stderrLines()).as("stderr").hasSize(1);
        assertThat(run.stderrLines().get(0)).contains(mentions).contains("valid");
        assertThat(run.stdout()).isEmpty();
        assertThat(dir.resolve("native.json")).doesNotExist();
    }
}
