package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** --help documents the CLI the Maven pipeline and users rely on. */
class HelpTest {
    private static final String[] OPTIONS = {
        "--matrix", "--strategy", "--trapEvery", "--notify", "--pages", "--bpType", "--bpLen", "--threads",
        "--slots", "--iterations", "--round-ms", "--min-ops", "--rounds", "--warmup", "--out", "--dry-run", "--help",
    };
    private static final String[] MATRICES = {
        "headline", "pages", "trap-rate", "shape", "threads", "slots", "notify", "all",
    };

    @Test
    void movesHelpListsEveryOptionEveryMatrixAndTheExitCodes() {
        HarnessRun run = Harness.run("moves", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).contains(OPTIONS).contains(MATRICES).contains("EXIT STATUS", "native.json");
    }

    /** reopen-nobuf has no ring: its only trap count is the counter, so every timed op pays a read(). */
    @Test
    void movesHelpSaysThatReopenNobufTimesACounterReadInEveryOp() {
        HarnessRun run = Harness.run("moves", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout().replaceAll("\\s+", " ")).contains("reopen-nobuf (reopen with no ring: read() of the counter, "
                + "close, open, fcntl; with no ring the counter is its only trap count, so every timed op pays that read()");
    }

    /** Rounds are multiples of lcm(slots, trapEvery) (slots 2, trapEvery 2: 2, not 4), as round_ops_fit makes them. */
    @Test
    void movesHelpSaysRoundsAreMultiplesOfTheLcmAndTheCalibrationRoundIsRoundedToo() {
        String help = Harness.run("moves", "--help").stdout().replaceAll("\\s+", " ");

        assertThat(help).doesNotContain("slots x trapEvery").contains("a multiple of lcm(slots, trapEvery)",
                "runs --min-ops ops rounded up as every round is (at trapEvery 100: 1000 ops)");
    }

    @Test
    void roundSizeHelpNamesItsOwnMatrixOption() {
        String help = Harness.run("round-size", "--help").stdout();

        assertThat(help).contains("MATRICES (what --scenarios runs").doesNotContain("what --matrix runs");
        assertThat(help.replaceAll("\\s+", " ")).doesNotContain("slots x trapEvery")
                .contains("a multiple of lcm(slots, trapEvery) with at least 10 trapping ops");
    }

    @Test
    void helpWinsOverEverythingElseAndRunsNothing() {
        HarnessRun run = Harness.run("moves", "--matrix", "all", "-h");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("usage: perfbp-bench moves");
    }
}
