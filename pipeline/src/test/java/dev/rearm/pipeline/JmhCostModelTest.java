package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
