package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every trapping op traps once and no other op traps: the counts the kernel gave (ring samples,
 * counters, signals) equal what the workload's trapEvery implies, computed here independently
 * from the options, for every batch the harness ran (warm-up, measured, phase pass).
 */
@Tag(KernelSupport.TRAPS_TAG)
class PremiseAccountingTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsTraps() {
        Harness.assumeTraps();
    }

    /** Traps one thread's batch must take: every trapEvery-th op of iterations. */
    private static long trapsPerBatch(int trapEvery) {
        return trapEvery == 0 ? 0 : Harness.tinyIterations() / trapEvery;
    }

    /** Batches a scenario runs per thread: warm-up and measured rounds, plus the phase pass where there is one. */
    private static int batches(String strategy) {
        boolean phased = !strategy.equals("modify");
        return Harness.tinyWarmup() + Harness.tinyRounds() + (phased ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} trapEvery={1} notify={2}")
    @CsvSource({
        "reopen, 0, signal", "reopen, 1, signal", "reopen, 3, signal",
        "modify, 0, signal", "modify, 1, signal", "modify, 3, signal",
        "reopen-nobuf, 0, signal", "reopen-nobuf, 1, signal", "reopen-nobuf, 3, signal",
        "disable-modify-enable, 1, signal",
        "reopen, 3, none", "modify, 3, none", "reopen-nobuf, 3, none",
        "reopen, 0, sigtrap", "reopen, 1, sigtrap", "reopen, 3, sigtrap",
        "modify, 0, sigtrap", "modify, 1, sigtrap", "modify, 3, sigtrap",
        "disable-modify-enable, 1, sigtrap",
    })
    void trapsObservedEqualTrapsTheWorkloadImplies(String strategy, int trapEvery, String notify) {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--strategy", strategy,
                "--trapEvery", String.valueOf(trapEvery), "--notify", notify);

        assertThat(doc.path("results")).hasSize(1);
        JsonNode traps = doc.path("results").get(0).path("traps");
        long expected = trapsPerBatch(trapEvery) * batches(strategy);
        assertThat(traps.path("ops").asLong()).isEqualTo((long) Harness.tinyIterations() * batches(strategy));
        assertThat(traps.path("expected").asLong()).isEqualTo(expected);
        assertThat(traps.path("observed").asLong()).isEqualTo(expected);
        if (notify.equals("sigtrap")) {
            assertThat(traps.path("signals").asLong()).isEqualTo(expected);
            assertThat(traps.path("tagMismatches").asLong()).isZero();
        } else if (notify.equals("signal")) {
            assertThat(traps.path("signals").asLong()).isEqualTo(expected);
        } else {
            assertThat(traps.has("signals")).isFalse();
        }
        JsonNode counter = traps.path("counter");
        assertThat(counter.path("ops").asLong()).as("the counter covered some ops: %s", counter).isPositive();
        assertThat(counter.path("observed").asLong()).isEqualTo(counter.path("expected").asLong());
        assertThat(counter.path("expected").asLong())
                .isEqualTo(counter.path("ops").asLong() / Harness.tinyIterations() * trapsPerBatch(trapEvery));
    }

    @Test
    void reopenRoundsCountByRingAndThePhasePassReadsEveryCounter() {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--strategy", "reopen", "--trapEvery", "1");

        JsonNode traps = doc.path("results").get(0).path("traps");
        assertThat(traps.path("observedBy").asText()).isEqualTo("ring");
        assertThat(traps.path("counter").path("ops").asLong()).isEqualTo(Harness.tinyIterations());
    }

    @Test
    void everyThreadAndSlotTrapsOnlyForItsOwnOps() {
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--threads", String.valueOf(threads),
                "--slots", "2", "--trapEvery", "1");

        assertThat(doc.path("results")).extracting(r -> r.path("strategy").asText()).as("the headline's strategies")
                .containsExactlyInAnyOrder("reopen", "modify");
        for (JsonNode result : doc.path("results")) {
            long expected = trapsPerBatch(1) * batches(result.path("strategy").asText()) * threads;
            assertThat(result.path("traps").path("observed").asLong()).as("%s", result.path("traps")).isEqualTo(expected);
            assertThat(result.path("traps").path("signals").asLong()).isEqualTo(expected);
        }
    }

    @Test
    void executeWatchpointsTrapWhenTheWatchedCodeRuns() {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--bpType", "X", "--trapEvery", "1");

        assertThat(doc.path("results")).extracting(r -> r.path("strategy").asText()).as("the headline's strategies")
                .containsExactlyInAnyOrder("reopen", "modify");
        for (JsonNode result : doc.path("results")) {
            assertThat(result.path("bpType").asText()).isEqualTo("X");
            long expected = trapsPerBatch(1) * batches(result.path("strategy").asText());
            assertThat(result.path("traps").path("observed").asLong()).isEqualTo(expected);
        }
    }
}
