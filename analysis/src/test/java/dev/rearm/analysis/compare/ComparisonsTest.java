package dev.rearm.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.GroupedSample;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonsTest {
    private final HierarchicalBootstrap bootstrap = new HierarchicalBootstrap(1, 200);

    @Test
    void pairsReopenWithModifyOnlyWithinOneHarnessAndSource() {
        Comparisons comparisons = Comparisons.of(List.of(
                jmh("HeadlineBenchmark", "reopen", Scenario.HEADLINE, 4_000),
                jmh("HeadlineBenchmark", "modify", Scenario.HEADLINE, 400),
                jmh("TrapRateBenchmark", "reopen", Scenario.HEADLINE, 5_000),
                jmh("TrapRateBenchmark", "modify", Scenario.HEADLINE, 400),
                jmh("RingPagesBenchmark", "reopen", Scenario.HEADLINE, 9_000)));
        assertThat(comparisons.all()).extracting(StrategyComparison::source)
                .containsExactly("HeadlineBenchmark", "TrapRateBenchmark");
        assertThat(comparisons.find(Harness.JMH, Scenario.HEADLINE, "TrapRateBenchmark").orElseThrow().speedup().point())
                .isEqualTo(12.5);
        assertThat(comparisons.find(Harness.JMH, Scenario.HEADLINE, "NoSuchBenchmark").orElseThrow().source())
                .isEqualTo("HeadlineBenchmark");
        assertThat(comparisons.find(Harness.NATIVE, Scenario.HEADLINE)).isEmpty();
    }

    @Test
    void aSweepTakesEachScenarioOnceFromItsPreferredSource() {
        Comparisons comparisons = Comparisons.of(List.of(
                jmh("HeadlineBenchmark", "reopen", Scenario.HEADLINE, 4_000),
                jmh("HeadlineBenchmark", "modify", Scenario.HEADLINE, 400),
                jmh("RingPagesBenchmark", "reopen", Scenario.HEADLINE, 5_000),
                jmh("RingPagesBenchmark", "modify", Scenario.HEADLINE, 400),
                jmh("RingPagesBenchmark", "reopen", Scenario.HEADLINE.withPages(8), 6_000),
                jmh("RingPagesBenchmark", "modify", Scenario.HEADLINE.withPages(8), 400)));
        assertThat(comparisons.sweep(Harness.JMH, Sweep.PAGES))
                .extracting(c -> c.scenario().pages() + " " + c.source())
                .containsExactly("1 RingPagesBenchmark", "8 RingPagesBenchmark");
    }

    @Test
    void sweepsHoldOnlyScenariosThatDifferFromTheHeadlineInTheirOwnKeys() {
        assertThat(Sweep.PAGES.contains(Scenario.HEADLINE.withPages(512))).isTrue();
        assertThat(Sweep.PAGES.contains(Scenario.HEADLINE.withPages(512).withTrapEvery(1))).isFalse();
        assertThat(Sweep.NOTIFY.contains(Scenario.HEADLINE.withNotify("none").withTrapEvery(1))).isTrue();
        assertThat(Sweep.NOTIFY.contains(Scenario.HEADLINE.withTrapEvery(10))).isFalse();
        assertThat(Sweep.SHAPE.contains(Scenario.HEADLINE.withShape("X", 8))).isTrue();
        assertThat(Sweep.TRAP_RATE.contains(Scenario.HEADLINE.withTrapEvery(3))).isTrue();
    }

    private static Measurement jmh(String source, String strategy, Scenario scenario, double nsPerOp) {
        return new Measurement(Harness.JMH, source, new ScenarioKey(strategy, scenario),
                GroupedSample.of(List.of(new double[] {nsPerOp, nsPerOp}, new double[] {nsPerOp, nsPerOp})), null, Map.of());
    }
}
