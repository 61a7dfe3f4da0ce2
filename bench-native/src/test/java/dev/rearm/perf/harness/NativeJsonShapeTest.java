package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** native.json has the shape docs/design.md gives, which the analysis and the pipeline read. */
@Tag(KernelSupport.TRAPS_TAG)
class NativeJsonShapeTest {
    private static final List<String> SCENARIO_KEYS =
            List.of("strategy", "trapEvery", "notify", "pages", "bpType", "bpLen", "threads", "slots");
    private static final List<String> REOPEN_PHASES = List.of("munmap", "close", "open", "fcntl", "mmap");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsWatchpoints() {
        Harness.assumeTraps();
    }

    @Test
    void headlineMatrixWritesOneResultPerStrategyAndTrapRateWithEveryScenarioKey() {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--matrix", "headline");

        assertThat(doc.path("harness").asText()).isEqualTo("native");
        JsonNode results = doc.path("results");
        assertThat(results.isArray()).isTrue();
        Set<String> seen = new HashSet<>();
        for (JsonNode result : results) {
            for (String key : SCENARIO_KEYS) {
                assertThat(result.has(key)).as("result has scenario key %s: %s", key, result).isTrue();
            }
            assertThat(result.path("notify").asText()).isEqualTo("signal");
            assertThat(result.path("pages").asInt()).isEqualTo(1);
            assertThat(result.path("bpType").asText()).isEqualTo("RW");
            assertThat(result.path("bpLen").asInt()).isEqualTo(1);
            assertThat(result.path("threads").asInt()).isEqualTo(1);
            assertThat(result.path("slots").asInt()).isEqualTo(1);
            seen.add(result.path("strategy").asText() + "/" + result.path("trapEvery").asInt());
        }
        assertThat(seen).containsExactlyInAnyOrder("reopen/0", "modify/0", "reopen/1", "modify/1");
        assertThat(results).hasSize(4);
    }

    @Test
    void everyMeasuredRoundKeepsItsOwnPositiveFigureAndWarmupRoundsAreDropped() {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"));

        for (JsonNode result : doc.path("results")) {
            JsonNode nsPerOp = result.path("nsPerOp");
            assertThat(nsPerOp.isArray()).isTrue();
            assertThat(nsPerOp).hasSize(Harness.tinyRounds());
            nsPerOp.forEach(figure -> assertThat(figure.isNumber() && figure.asDouble() > 0)
                    .as("round figure %s", figure).isTrue());
            assertThat(result.path("aggregateNsPerOp")).hasSize(Harness.tinyRounds());
            assertThat(result.path("rounds").asInt()).isEqualTo(Harness.tinyRounds());
            assertThat(result.path("warmup").asInt()).isEqualTo(Harness.tinyWarmup());
            assertThat(result.path("iterations").asInt()).isEqualTo(Harness.tinyIterations());
            JsonNode summary = result.path("summary");
            assertThat(summary.path("min").asDouble()).isLessThanOrEqualTo(summary.path("median").asDouble());
            assertThat(summary.path("median").asDouble()).isLessThanOrEqualTo(summary.path("max").asDouble());
        }
    }

    @Test
    void reopenReportsEachOfItsPhasesFromTheSeparatePassAndModifyReportsNone() {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--trapEvery", "1");

        for (JsonNode result : doc.path("results")) {
            if (result.path("strategy").asText().equals("reopen")) {
                JsonNode phases = result.path("phasesNs");
                List<String> keys = new ArrayList<>();
                phases.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).as("only the move's own phases, which add up to one op")
                        .containsExactlyElementsOf(REOPEN_PHASES);
                for (String phase : REOPEN_PHASES) {
                    assertThat(phases.path(phase).asDouble()).as("phasesNs.%s", phase).isPositive();
                }
                JsonNode extras = result.path("phasePassExtrasNs");
                assertThat(extras.path("counterRead").asDouble()).as("the pass reads each counter").isPositive();
                assertThat(extras.path("trap").asDouble()).as("trapping ops were timed").isPositive();
                assertThat(result.path("phaseOps").asInt()).isEqualTo(Harness.tinyIterations());
            } else {
                assertThat(result.has("phasesNs")).as("modify has no phases: %s", result).isFalse();
            }
        }
    }

    @Test
    void envBlockDescribesTheMachineAndCommandRecordsTheInvocation() {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--trapEvery", "0");
        JsonNode env = doc.path("env");

        assertThat(env.path("kernel").asText()).isNotBlank();
        assertThat(env.path("cpu").asText()).isNotBlank();
        assertThat(env.path("hypervisor").isBoolean()).isTrue();
        assertThat(env.path("pageSize").asInt()).isPositive();
        assertThat(env.path("nproc").asInt()).isPositive();
        assertThat(env.path("debugRegisters").path("count").asInt()).isPositive();
        assertThat(env.path("breakpointPmu").path("supported").asBoolean()).isTrue();
        assertThat(env.path("modifyAttributes").path("supported").isBoolean()).isTrue();
        List<String> shapes = new ArrayList<>();
        env.path("shapes").forEach(shape -> shapes.add(shape.path("bpType").asText() + shape.path("bpLen").asInt()));
        assertThat(shapes).contains("W1", "RW1", "RW8", "X8");
        assertThat(doc.path("command").asText()).contains("perfbp-bench", "--trapEvery 0", "--out");
        assertThat(doc.path("argv").size()).isGreaterThan(1);
        assertThat(doc.path("settings").path("iterations").asInt()).isEqualTo(Harness.tinyIterations());
    }

    @Test
    void threadsAndSlotsGiveOneRowOfRoundFiguresPerThread() {
        HostPrecondition.assume(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 CPUs");
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--threads", "2", "--slots", "2",
                "--trapEvery", "1");

        for (JsonNode result : doc.path("results")) {
            assertThat(result.path("threads").asInt()).isEqualTo(2);
            assertThat(result.path("slots").asInt()).isEqualTo(2);
            JsonNode perThread = result.path("threadNsPerOp");
            assertThat(perThread).hasSize(2);
            perThread.forEach(row -> assertThat(row).hasSize(Harness.tinyRounds()));
        }
    }

    @Test
    void explicitOptionsNarrowTheMatrixToTheScenariosNamed() {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--matrix", "pages", "--pages", "2,8",
                "--strategy", "modify");

        List<String> scenarios = new ArrayList<>();
        doc.path("results").forEach(r -> scenarios.add(r.path("strategy").asText() + "/" + r.path("pages").asInt()));
        assertThat(scenarios).containsExactly("modify/2", "modify/8");
    }
}
