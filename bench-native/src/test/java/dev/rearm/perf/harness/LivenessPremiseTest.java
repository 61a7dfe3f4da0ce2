package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The never-trapping runs behind the ~10x must prove their watchpoints live: after every batch
 * each slot is touched at the address it left (no trap) and at the one it watches (one trap).
 * A kernel that says the modify ioctl worked but did nothing (perfbp-refuse --modify LIE: seccomp
 * returns 0 and skips the call) is caught there, for real, and nothing is written.
 */
@Tag(KernelSupport.TRAPS_TAG)
class LivenessPremiseTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsTraps() {
        Harness.assumeTraps();
    }

    @Test
    void everyBatchRecordsOneLiveTrapPerSlotAndNoneWhereTheSlotWas() {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "moves", "--strategy", "reopen,modify",
                "--trapEvery", "0", "--slots", "2");
        assertThat(doc.path("results")).extracting(r -> r.path("strategy").asText()).as("one scenario per strategy")
                .containsExactlyInAnyOrder("reopen", "modify");
        for (JsonNode result : doc.path("results")) {
            JsonNode liveness = result.path("liveness");
            long batches = Harness.tinyRounds() + Harness.tinyWarmup()
                    + (result.path("strategy").asText().equals("reopen") ? 1 : 0); // reopen's phase pass
            assertThat(liveness.path("checks").asLong()).as(result.toString()).isEqualTo(2 * batches);
            assertThat(liveness.path("trapsAtCurrent").asLong()).isEqualTo(2 * batches);
            assertThat(liveness.path("trapsAtPrevious").asLong()).isZero();
        }
    }

    @Test
    void aModifyThatReturnsZeroButNeverMovesFailsThePremiseAndWritesNothing() {
        Path out = dir.resolve("native.json");
        List<String> args = new ArrayList<>(List.of("moves", "--strategy", "modify", "--trapEvery", "0", "--out",
                out.toString()));
        args.addAll(Harness.TINY);
        HarnessRun lied = Harness.runRefused(List.of("--modify", "LIE"), args);

        assertThat(lied.exitCode()).as(lied.stderr()).isEqualTo(1);
        assertThat(lied.stderr()).contains("premise failed: modify", "current addresses trapped 0 times (1 expected)",
                "a move that left its watchpoint disarmed or behind cannot be measured");
        assertThat(lastLine(lied)).startsWith("perfbp-bench: stopped at scenario 1/1: premise failed (modify trapEvery=0 ")
                .contains("thread 0, warm-up round 1").endsWith("; above); nothing written");
        assertThat(out).doesNotExist();
    }

    /** round-size stops the same way, its last line naming the size and round where it stopped. */
    @Test
    void roundSizeStopsAtTheSizeAndRoundWhereTheModifyNeverMoved() {
        Path out = dir.resolve("round-size.json");
        HarnessRun lied = Harness.runRefused(List.of("--modify", "LIE"), List.of("round-size", "--strategy", "modify",
                "--sizes", "60,120", "--rounds", "1", "--warmup", "1", "--out", out.toString()));

        assertThat(lied.exitCode()).as(lied.stderr()).isEqualTo(1);
        assertThat(lastLine(lied)).startsWith("perfbp-bench: stopped at round-size group 1/1, size 60 ops, round 1/1: "
                + "premise failed (modify trapEvery=0 ").endsWith("; nothing written");
        assertThat(out).doesNotExist();
    }

    private static String lastLine(HarnessRun run) {
        return run.stderrLines().get(run.stderrLines().size() - 1);
    }
}
