package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * perfbp-bench profiler writes one entry per workload and run, each marked as the profiler's, with
 * counts that balance: every sample armed, replaced or skipped for a reason, one trap signal per
 * trap sample, every arm ended once. One tiny run (a few ms of work per round) serves every test.
 */
@Tag(KernelSupport.TRAPS_TAG)
class ProfilerResultsTest {
    private static final List<String> RATES = List.of("1000", "4000");
    private static final int ROUNDS = 2;
    private static final int WARMUP = 1;

    @TempDir
    static Path dir;

    private static JsonNode doc;

    /** Words in one pass of the stream workload: dst has 2^20 of them (profiler/workloads.c). */
    private static final long STREAM_PASS_WORDS = 1L << 20;

    @BeforeAll
    static void runTheProfilerOnce() {
        Harness.assumeTraps();
        Path out = dir.resolve("native.json");
        HarnessRun run = Harness.run("profiler", "--workload", "hash,stream", "--rate",
                String.join(",", RATES), "--work", "5", "--rounds", String.valueOf(ROUNDS), "--warmup",
                String.valueOf(WARMUP), "--out", out.toString());
        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        doc = Harness.read(out);
    }

    private static List<JsonNode> entries() {
        List<JsonNode> entries = new ArrayList<>();
        doc.path("results").forEach(entries::add);
        return entries;
    }

    private static List<JsonNode> entries(String strategy) {
        return entries().stream().filter(e -> e.path("strategy").asText().equals(strategy)).toList();
    }

    /** No move round ran: roundSizing says so, and iterations stays as every profiler file had it. */
    @Test
    void theProfilerAloneSizesNoMoveRoundsAndKeepsItsSettingsKeys() {
        JsonNode settings = doc.path("settings");

        assertThat(settings.path("roundSizing").asText()).isEqualTo("none");
        assertThat(settings.path("iterations").asLong()).isEqualTo(10000);
        assertThat(settings.has("roundMs")).isFalse();
        assertThat(settings.has("minOps")).isFalse();
    }

    @Test
    void eachWorkloadRunsAloneAndUnderSamplerReopenAndModifyAtEveryRate() {
        Set<String> seen = new TreeSet<>();
        for (JsonNode entry : entries()) {
            assertThat(entry.path("matrix").asText()).isEqualTo("profiler");
            seen.add(entry.path("workload").asText() + "/" + entry.path("strategy").asText() + "/"
                    + entry.path("rate").asInt());
        }
        Set<String> expected = new TreeSet<>();
        for (String workload : List.of("hash", "stream")) {
            expected.add(workload + "/none/0");
            for (String rate : RATES) {
                for (String strategy : List.of("sampler", "reopen", "modify")) {
                    expected.add(workload + "/" + strategy + "/" + rate);
                }
            }
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(entries()).hasSize(expected.size());
    }

    @Test
    void everyRoundKeepsItsWallAndCpuTimeAndTheWorkIsTheSameForEveryRunOfAWorkload() {
        for (JsonNode entry : entries()) {
            for (String key : List.of("nsPerOp", "wallNs", "cpuNs")) {
                assertThat(entry.path(key)).as("%s of %s", key, entry.path("strategy")).hasSize(ROUNDS);
                entry.path(key).forEach(v -> assertThat(v.asDouble()).as(key).isPositive());
            }
            assertThat(entry.path("rounds").asInt()).isEqualTo(ROUNDS);
            assertThat(entry.path("warmup").asInt()).isEqualTo(WARMUP);
            double accesses = entry.path("accesses").asDouble();
            // nsPerOp is written with 3 decimals: stream's ~0.4 ns per access rounds by up to 0.0005
            assertThat(entry.path("nsPerOp").get(0).asDouble())
                    .isCloseTo(entry.path("wallNs").get(0).asDouble() / accesses, within(0.0005001));
        }
        for (String workload : List.of("hash", "stream")) {
            assertThat(entries().stream().filter(e -> e.path("workload").asText().equals(workload))
                    .map(e -> e.path("accesses").asLong()).distinct()).hasSize(1);
        }
    }

    @Test
    void everySampleWasArmedReplacedOrSkippedForAReason() {
        for (String strategy : List.of("sampler", "reopen", "modify")) {
            for (JsonNode entry : entries(strategy)) {
                for (String counts : List.of("counts", "warmupCounts")) {
                    JsonNode c = entry.path(counts);
                    JsonNode skipped = c.path("skipped");
                    long decided = c.path("armedFree").asLong() + c.path("replaced").asLong()
                            + skipped.path("noAddress").asLong() + skipped.path("duplicate").asLong()
                            + skipped.path("reservoir").asLong() + skipped.path("samplerOnly").asLong();
                    assertThat(c.path("samples").asLong()).as("%s %s", strategy, counts).isPositive()
                            .isEqualTo(decided);
                    assertThat(c.path("armed").asLong())
                            .isEqualTo(c.path("armedFree").asLong() + c.path("replaced").asLong());
                    assertThat(c.path("samplerRecords").asLong()).isGreaterThanOrEqualTo(c.path("samples").asLong());
                    assertThat(c.path("mergedSamples").asLong())
                            .isEqualTo(c.path("samplerRecords").asLong() - c.path("samples").asLong());
                    assertThat(c.path("samplerOtherRecords").asLong()).as("throttled or lost").isZero();
                    assertThat(c.path("strayToolSignals").asLong()).isZero();
                }
            }
        }
    }

    @Test
    void everyTrapSentOneSignalAndEveryArmEndedOnce() {
        for (String strategy : List.of("reopen", "modify")) {
            for (JsonNode entry : entries(strategy)) {
                JsonNode c = entry.path("counts");
                assertThat(c.path("traps").asLong()).isEqualTo(c.path("trapSignals").asLong())
                        .isEqualTo(c.path("trapsHandled").asLong() + c.path("trapsAtReplace").asLong()
                                + c.path("trapsAtEnd").asLong());
                assertThat(c.path("trapSignals").asLong())
                        .isEqualTo(c.path("disarmedOnTrap").asLong() + c.path("lateSignals").asLong());
                assertThat(c.path("armedFree").asLong())
                        .isEqualTo(c.path("disarmedOnTrap").asLong() + c.path("armedAtEnd").asLong());
                assertThat(c.path("disarmedOnTrap").asLong() + c.path("evictedTrapped").asLong())
                        .isLessThanOrEqualTo(c.path("armed").asLong());
                assertThat(c.path("valueChanged").asLong() + c.path("valueUnchanged").asLong())
                        .isEqualTo(c.path("disarmedOnTrap").asLong());
            }
        }
    }

    @Test
    void theHashWorkloadTrapsUnderBothStrategiesSoTheTrapPathIsMeasured() {
        for (JsonNode entry : entries()) {
            String strategy = entry.path("strategy").asText();
            if (entry.path("workload").asText().equals("hash") && (strategy.equals("reopen") || strategy.equals("modify"))) {
                assertThat(entry.path("counts").path("traps").asLong() + entry.path("warmupCounts").path("traps").asLong())
                        .as("%s at %s/s", strategy, entry.path("rate")).isPositive();
            }
        }
    }

    @Test
    void streamTrapsAreStoresThatOverwroteTheWatchedWordUnread() {
        long traps = 0;
        for (JsonNode entry : entries()) {
            if (entry.path("workload").asText().equals("stream") && entry.path("counts").has("disarmedOnTrap")) {
                JsonNode c = entry.path("counts");
                assertThat(c.path("valueChanged").asLong()).as("%s", entry.path("strategy"))
                        .isEqualTo(c.path("disarmedOnTrap").asLong());
                traps += c.path("disarmedOnTrap").asLong();
            }
        }
        assertThat(traps).as("stream's tool runs trapped at all").isPositive();
    }

    /** stream's trap is the next pass's store, so its round is sized in passes: at least two, however short --work is. */
    @Test
    void streamRoundsAreAtLeastTwoPassesWhateverTheWorkTime() {
        List<JsonNode> stream = entries().stream().filter(e -> e.path("workload").asText().equals("stream")).toList();
        assertThat(stream).isNotEmpty().allSatisfy(entry -> assertThat(entry.path("accesses").asLong())
                .as("accesses per round of %s", entry.path("strategy")).isGreaterThanOrEqualTo(STREAM_PASS_WORDS * 2));
    }

    @Test
    void theNoToolRunAndTheSamplerOnlyRunArmNothing() {
        for (JsonNode entry : entries("none")) {
            JsonNode c = entry.path("counts");
            for (String key : List.of("samples", "armed", "traps", "trapSignals", "samplerRecords")) {
                assertThat(c.path(key).asLong()).as("none: %s", key).isZero();
            }
            assertThat(entry.path("rate").asInt()).isZero();
            assertThat(entry.has("bpType")).isFalse();
        }
        for (JsonNode entry : entries("sampler")) {
            JsonNode c = entry.path("counts");
            assertThat(c.path("armed").asLong()).isZero();
            assertThat(c.path("traps").asLong()).isZero();
            assertThat(c.path("skipped").path("samplerOnly").asLong()).isEqualTo(c.path("samples").asLong());
        }
    }

    @Test
    void perRoundCountsAddUpToTheTotals() {
        for (JsonNode entry : entries()) {
            JsonNode perRound = entry.path("countsPerRound");
            for (String key : List.of("samples", "armed", "replaced", "traps")) {
                long sum = 0;
                for (JsonNode v : perRound.path(key)) {
                    sum += v.asLong();
                }
                assertThat(perRound.path(key)).hasSize(ROUNDS);
                assertThat(sum).as("%s %s", entry.path("strategy"), key).isEqualTo(entry.path("counts").path(key).asLong());
            }
        }
    }

    @Test
    void handlerTimeIsRecordedWhereTheToolRanAndReopenTimesItsSystemCalls() {
        for (JsonNode entry : entries("reopen")) {
            JsonNode c = entry.path("counts");
            assertThat(c.path("samplerHandlerNs").asLong()).isPositive();
            if (c.path("armed").asLong() > 0) {
                assertThat(c.path("phases").path("open").path("calls").asLong()).isPositive();
                assertThat(c.path("phases").path("mmap").path("calls").asLong())
                        .isEqualTo(c.path("phases").path("open").path("calls").asLong());
                assertThat(c.path("phases").has("modify")).isFalse();
            }
        }
        for (JsonNode entry : entries("modify")) {
            JsonNode phases = entry.path("counts").path("phases");
            assertThat(phases.has("open")).as("modify opens its slots before the timed part").isFalse();
            if (entry.path("counts").path("armed").asLong() > 0) {
                assertThat(phases.path("modify").path("calls").asLong()).isEqualTo(entry.path("counts").path("armed").asLong());
            }
        }
    }

    @Test
    void theTopLevelBlockHoldsWhatTheProfilerRanOnAndWhetherThereIsAHardwarePmuButNoProse() {
        JsonNode block = doc.path("profiler");
        assertThat(block.path("hardwarePmu").path("available").isBoolean()).isTrue();
        assertThat(block.path("hardwarePmu").path("reason").asText()).isNotBlank();
        assertThat(block.path("slots").asInt()).isPositive();
        assertThat(block.path("workMs").asInt()).isEqualTo(5);
        assertThat(block.has("maxSampleRate")).isTrue();
        assertThat(block.path("seed").isIntegralNumber()).isTrue();
        // How the tool works is prose for perfbp-bench profiler --help (CommandsTest), not data.
        List<String> keys = new ArrayList<>();
        block.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("hardwarePmu", "slots", "workMs", "maxSampleRate", "seed", "signalReference");
        assertThat(block.path("hardwarePmu").size()).isEqualTo(2);
    }

    /** The prediction's signal part: one figure per round, every signal of the reference handled (else exit 1). */
    @Test
    void theSignalReferenceGivesEveryRoundACpuTimePerDeliveredSignal() {
        JsonNode reference = doc.path("profiler").path("signalReference");

        assertThat(reference.path("signalsPerRound").asInt()).isPositive();
        assertThat(reference.path("cpuNsPerSignal")).hasSize(ROUNDS);
        reference.path("cpuNsPerSignal").forEach(ns -> assertThat(ns.asDouble()).isPositive());
    }

    /** The prediction's cache part: every run's every round is followed by a shorter no-tool probe, timed. */
    @Test
    void everyRoundOfEveryRunIsFollowedByATimedNoToolProbeOfAShareOfItsWork() {
        for (JsonNode entry : entries()) {
            JsonNode after = entry.path("afterRound");
            assertThat(after.path("accesses").asLong()).as("%s", entry.path("strategy")).isPositive()
                    .isLessThan(entry.path("accesses").asLong());
            assertThat(after.path("cpuNs")).hasSize(ROUNDS);
            after.path("cpuNs").forEach(ns -> assertThat(ns.asDouble()).isPositive());
        }
    }
}
