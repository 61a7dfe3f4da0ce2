package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges of the option syntax that {@link BadInputTest} leaves out (empty list items, flags
 * given a value, strict numbers, limits): each is refused by the parser alone with exit 2, one
 * line naming the option and what is valid, nothing on stdout and no output file.
 */
class BadInputEdgesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "--dry-run=yes | --dry-run takes no value; valid: --dry-run alone",
        "--help=1 | --help takes no value; valid: --help alone",
        "--pages=1,,2 | --pages 1,,2: empty or overlong item in the list; valid: 1, 2, 4",
        "--strategy= | --strategy : empty or overlong item in the list; valid: reopen, modify",
        "--out= | --out '': empty file name; valid: a file path",
        "extra | unexpected argument 'extra'; options start with -- (valid: --matrix",
        "-x | unexpected argument '-x'; options start with -- (valid: --matrix",
        "--rounds=100001 | --rounds 100001: out of range; valid: a whole number from 1 to 100000",
        "--warmup=100001 | --warmup 100001: out of range; valid: a whole number from 0 to 100000",
        "--iterations=+5 | --iterations +5: not a whole number; valid: a whole number from 1 to 1000000000",
        "--iterations=1e3 | --iterations 1e3: not a whole number; valid",
        "--trapEvery=99999999999 | --trapEvery 99999999999: must be >= 0; valid: whole numbers >= 0",
        "--matrix=headline, | --matrix headline,: unknown matrix ''; valid: headline, pages",
        "--threads=1025 | --threads 1025: more than any machine here has; valid: whole numbers 1..nproc",
        "--strategy=reopen,modify,teleport | --strategy teleport: unknown strategy; valid: reopen, modify",
        "--notify=SIGNAL | --notify SIGNAL: unknown notify mode; valid: none, signal",
    })
    void refusedByTheParserInOneLine(String argument, String expected) {
        List<String> args = new ArrayList<>(List.of("moves", argument));
        if (!argument.startsWith("--out")) {
            args.addAll(List.of("--out", dir.resolve("native.json").toString()));
        }

        HarnessRun run = Harness.run(args);

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isEqualTo(2);
        assertThat(run.stderrLines()).as("stderr").singleElement().asString()
                .startsWith("perfbp-bench: ").contains(expected);
        assertThat(run.stdout()).isEmpty();
        assertThat(dir.resolve("native.json")).doesNotExist();
    }

    /** A bare perfbp-bench used to run the old spelling's headline and print its JSON (issue 21 item 9). */
    @Test
    void noArgumentAtAllPrintsTheUsageInOneLineAndRunsNothing() {
        HarnessRun run = Harness.run(List.of());

        assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isEqualTo(2);
        assertThat(run.stderrLines()).as("stderr").singleElement().asString()
                .startsWith("perfbp-bench: no command given; usage: perfbp-bench <command> [options]")
                .contains("valid commands: moves, profiler, round-size, trap-anatomy", "perfbp-bench --help");
        assertThat(run.stdout()).isEmpty();
    }
}
