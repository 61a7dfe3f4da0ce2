package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * perfbp-bench runs one experiment per command (issues 10 and 19): each command takes and
 * documents only its own options; options with no command before them are refused in one line
 * naming the command, and a bare perfbp-bench prints its usage on stderr.
 */
class CommandsTest {
    private static final List<String> MOVE_ONLY = List.of("--matrix", "--trapEvery", "--notify", "--pages",
            "--bpType", "--bpLen", "--threads", "--slots", "--iterations", "--round-ms", "--min-ops");
    private static final List<String> PROFILER_ONLY = List.of("--workload", "--rate", "--work");
    private static final List<String> BOTH = List.of("--strategy", "--rounds", "--warmup", "--out", "--dry-run",
            "--help");

    @TempDir
    Path dir;

    @Test
    void helpWithoutACommandListsTheCommands() {
        HarnessRun run = Harness.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("usage: perfbp-bench <command>").contains("COMMANDS\n  moves ",
                "\n  profiler ", "\n  round-size ", "\n  trap-anatomy ").doesNotContain("--matrix");
    }

    @Test
    void anUnknownCommandIsRefusedInOneLineListingTheCommands() {
        RefusedInput.assertRefusedInOneLine(dir, Harness.run("headline"), "unknown command 'headline'",
                "moves, profiler, round-size, trap-anatomy");
    }

    @Test
    void movesHelpShowsTheMoveOptionsAndNoProfilerOption() {
        HarnessRun run = Harness.run("moves", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).startsWith("usage: perfbp-bench moves").contains(MOVE_ONLY).contains(BOTH)
                .contains("MATRICES", "EXIT STATUS").doesNotContain(PROFILER_ONLY).doesNotContain("  profiler ");
    }

    @Test
    void profilerHelpShowsTheProfilerOptionsAndNoMoveOption() {
        HarnessRun run = Harness.run("profiler", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).startsWith("usage: perfbp-bench profiler").contains(PROFILER_ONLY).contains(BOTH)
                .contains("EXIT STATUS").doesNotContain(MOVE_ONLY).doesNotContain("--matrix profiler");
    }

    @Test
    void profilerHelpCarriesTheProseNativeJsonNoLongerHolds() {
        String help = Harness.run("profiler", "--help").stdout();

        assertThat(help).contains("slot policy", "signal safety", "handler timing", "premise", "bare metal",
                "SIGRTMIN+5", "SIGRTMIN+4", "reservoir-style", "valueChanged", "1/(1+k)", "task-clock", "PEBS", "IBS",
                "ioctl(PERF_EVENT_IOC_DISABLE)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--matrix headline --dry-run | --matrix: | perfbp-bench moves --matrix",
        "--matrix profiler --dry-run | --matrix: | perfbp-bench profiler",
        "--rounds 3 moves | --rounds: | perfbp-bench moves --rounds",
    })
    void anOptionWithoutACommandIsRefusedInOneLineNamingTheCommand(String args, String option, String command) {
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, args.split(" ")), option, "no command",
                "valid: " + command);
    }

    @Test
    void movesRefusesTheProfilerMatrixAndNamesTheProfilerCommand() {
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "moves", "--matrix", "headline,profiler"),
                "--matrix headline,profiler", "perfbp-bench profiler");
    }

    @Test
    void movesRefusesAProfilerOptionAndListsOnlyItsOwn() {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--workload", "hash");

        RefusedInput.assertRefusedInOneLine(dir, run, "unknown option '--workload'", "--matrix", "--slots");
        assertThat(validPart(run)).doesNotContain(PROFILER_ONLY);
    }

    @Test
    void profilerRefusesAMoveOptionAndListsOnlyItsOwn() {
        HarnessRun run = RefusedInput.runWithOut(dir, "profiler", "--pages", "4");

        RefusedInput.assertRefusedInOneLine(dir, run, "unknown option '--pages'", "--workload", "--rate");
        assertThat(validPart(run)).doesNotContain(MOVE_ONLY);
    }

    @Test
    void profilerRefusesAStrategyItsToolCannotArmWithInItsOwnSpelling() {
        Harness.assumeWatchpoints();
        HarnessRun run = RefusedInput.runWithOut(dir, "profiler", "--strategy", "disable-modify-enable");

        RefusedInput.assertRefusedInOneLine(dir, run, "--strategy disable-modify-enable",
                "valid with perfbp-bench profiler: reopen, modify");
    }

    @Test
    void profilerBadValueNamesTheValidValuesWithoutTheOldSpelling() {
        HarnessRun run = RefusedInput.runWithOut(dir, "profiler", "--rate", "0");

        RefusedInput.assertRefusedInOneLine(dir, run, "--rate 0", "1..100000");
        assertThat(run.stderr()).doesNotContain("--matrix profiler");
    }

    /** What a refusal lists after "valid:". */
    private static String validPart(HarnessRun run) {
        return run.stderr().substring(run.stderr().indexOf("valid:"));
    }
}
