package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JMH side of the ETA, over the real BenchmarkList and plans: nothing runs, no timing is asserted. */
class JmhCostModelTest {
    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.compiledIn();
    private static final JmhSettings SETTINGS = new JmhSettings(2, 1, "100ms", 3, "200ms", "Headline", List.of());
    private final JmhCostModel model = new JmhCostModel(CATALOG, SETTINGS);

    @Test
    void aRunCostsItsParameterCombinationsTimesForksTimesIterationTimeAndForkStart() {
        JmhRun headline = JmhPlan.of(CATALOG, SETTINGS, EnvFacts.capable(2, 4, Map.of())).runs().get(0);

        assertThat(model.combinations(headline)).as("strategy 2 x trapEvery 2 x notify 3").isEqualTo(12);
        assertThat(model.seconds(headline))
                .isCloseTo(12 * 2 * (0.1 + 3 * 0.2 + JmhCostModel.FORK_OVERHEAD_SECONDS), within(1e-9));
    }

    @Test
    void aRunCostsTheForksItsOwnArgumentsNameNotTheSettingsForks() {
        JmhSettings threeAndOne = new JmhSettings(3, 1, 1, "100ms", 3, "200ms", "", List.of());
        JmhCostModel costs = new JmhCostModel(CATALOG, threeAndOne);
        List<JmhRun> runs = JmhPlan.of(CATALOG, threeAndOne, EnvFacts.capable(2, 4, Map.of())).runs();
        double perFork = 0.1 + 3 * 0.2 + JmhCostModel.FORK_OVERHEAD_SECONDS;

        assertThat(costs.seconds(runs.get(0))).as(runs.get(0).label())
                .isCloseTo(costs.combinations(runs.get(0)) * 3 * perFork, within(1e-9));
        assertThat(costs.seconds(runs.get(1))).as(runs.get(1).label())
                .isCloseTo(costs.combinations(runs.get(1)) * 1 * perFork, within(1e-9));
    }

    /**
     * The shared default run (2026-12-06-default-a, a machine whose watchpoints fire): each of its
     * six JMH steps, costed from the command it ran, within 10% of the seconds it took. The ETA of
     * the default profile rests on this per-fork cost.
     */
    @Test
    void eachJmhStepOfTheSharedDefaultRunIsEstimatedWithinTenPercentOfWhatItTook() throws Exception {
        JsonNode run = JsonFiles.MAPPER.readTree(getClass().getResource("/runs/2026-12-06-default-a/run.json"));
        JsonNode jmh = run.path("jmh");
        JmhSettings settings = new JmhSettings(jmh.path("forks").asInt(), jmh.path("warmupIterations").asInt(),
                jmh.path("warmupTime").asText(), jmh.path("iterations").asInt(), jmh.path("time").asText(), "", List.of());
        JmhCostModel costs = new JmhCostModel(CATALOG, settings);
        int checked = 0;
        for (JsonNode step : run.path("steps")) {
            if (!step.path("name").asText().startsWith("JMH ")) {
                continue;
            }
            List<String> command = new ArrayList<>();
            step.path("command").forEach(arg -> command.add(arg.asText()));
            List<String> args = command.subList(command.indexOf("-jar") + 2, command.size());
            double took = step.path("seconds").asDouble();

            assertThat(costs.seconds(new JmhRun("shared", List.of(), Map.of(), args))).as(step.path("name").asText())
                    .isCloseTo(took, within(took * 0.10));
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void theNarrowedParamsOfAPlanAreTheOnesCounted() {
        EnvFacts noSignals = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.SIGNALS, "none arrived"), Map.of(), null);
        JmhRun headline = JmhPlan.of(CATALOG, SETTINGS, noSignals).runs().get(0);

        assertThat(model.combinations(headline)).as("notify=none,sigtrap").isEqualTo(8);
    }

    @Test
    void aRunPerThreadCountCountsOnlyItsOwnThreadsValue() {
        JmhSettings threads = new JmhSettings(1, 0, "100ms", 1, "1s", "Threads", List.of());
        List<JmhRun> runs = JmhPlan.of(CATALOG, threads, EnvFacts.capable(2, 4, Map.of())).runs();

        assertThat(runs).hasSize(2).allSatisfy(run -> assertThat(new JmhCostModel(CATALOG, threads).combinations(run))
                .isEqualTo(2)); // reopen and modify, one thread count each
    }
}
