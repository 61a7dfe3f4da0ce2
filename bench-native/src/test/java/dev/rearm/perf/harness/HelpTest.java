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
    void helpListsEveryOptionEveryMatrixAndTheExitCodes() {
        HarnessRun run = Harness.run("--help");

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

    @Test
    void helpWinsOverEverythingElseAndRunsNothing() {
        HarnessRun run = Harness.run("--matrix", "all", "-h");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("usage: perfbp-bench");
    }
}
