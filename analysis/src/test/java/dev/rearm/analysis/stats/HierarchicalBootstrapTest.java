package dev.rearm.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HierarchicalBootstrapTest {

    /**
     * The expanded-percentile bootstrap under-covers at 3 groups, which is why the speedups (and
     * now the profiler's ratios) use the t interval: 1,000 runs of {@link CoverageSimulation}
     * (analysis/README.md's coverage table, the same seeds, so the same 0.886 and 0.958), binomial
     * standard error ~0.01, so the bands are about 3 of them wide. This test said "0.91-0.99 at 3
     * forks" before, on a milder simulation (3% group effect, equal on both sides) and 200 runs
     * whose seed happened to land inside; 1,000 runs of that simulation give 0.925, and 200 with
     * seed 2 give 0.90: the claim of nominal coverage at 3 groups was the wrong one, not the README.
     */
    @ParameterizedTest(name = "{0} groups")
    @CsvSource({"3, 0.85, 0.92", "10, 0.93, 0.98"})
    void coversBelowNominalAtThreeGroupsAndAboutNominalAtTen(int groups, double atLeast, double atMost) {
        HierarchicalBootstrap bootstrap = new HierarchicalBootstrap(7, HierarchicalBootstrap.MIN_RESAMPLES);
        int[] dataset = {0};
        double coverage = CoverageSimulation.coverage(groups, 1_000,
                (a, b) -> bootstrap.ratio("dataset " + dataset[0]++, a, b));
        assertThat(coverage).isBetween(atLeast, atMost);
    }

    @Test
    void tailsWidenWithFewerGroupsAndApproachTheNominalOnesWithMany() {
        assertThat(HierarchicalBootstrap.expandedTailPercent(10)).isCloseTo(0.86, within(0.01));
        assertThat(HierarchicalBootstrap.expandedTailPercent(3)).isLessThan(HierarchicalBootstrap.expandedTailPercent(5));
        assertThat(HierarchicalBootstrap.expandedTailPercent(1000)).isCloseTo(2.5, within(0.02));
        assertThat(HierarchicalBootstrap.expandedTailPercent(1)).isEqualTo(2.5, within(1e-12));
    }

    @Test
    void intervalIsReproducibleFromTheSeedAndTheName() {
        GroupedSample a = GroupedSample.of(List.of(new double[] {10, 11, 12}, new double[] {13, 12, 11}));
        GroupedSample b = GroupedSample.of(List.of(new double[] {1, 1.1, 0.9}, new double[] {1.2, 1.0, 1.1}));
        Estimate first = new HierarchicalBootstrap(3, 1_000).ratio("x", a, b);
        Estimate again = new HierarchicalBootstrap(3, 1_000).ratio("x", a, b);
        Estimate otherSeed = new HierarchicalBootstrap(4, 1_000).ratio("x", a, b);
        assertThat(again).isEqualTo(first);
        assertThat(otherSeed.low()).isNotEqualTo(first.low());
        assertThat(first.point()).isEqualTo(a.grandMean() / b.grandMean());
    }

    @Test
    void intervalIsWiderWhenRoundsDisagreeThanWhenOnlyIterationsDo() {
        // Same values, grouped two ways: the between-round spread must widen the interval.
        GroupedSample spreadBetween = GroupedSample.of(List.of(new double[] {10, 10, 10}, new double[] {12, 12, 12},
                new double[] {8, 8, 8}, new double[] {11, 11, 11}));
        GroupedSample spreadWithin = GroupedSample.of(List.of(new double[] {10, 12, 8}, new double[] {11, 10, 12},
                new double[] {8, 11, 10}, new double[] {12, 8, 11}));
        GroupedSample one = GroupedSample.ofSingles(new double[] {1, 1, 1, 1});
        HierarchicalBootstrap bootstrap = new HierarchicalBootstrap(1, 2_000);
        Estimate between = bootstrap.ratio("between", spreadBetween, one);
        Estimate within = bootstrap.ratio("within", spreadWithin, one);
        assertThat(between.high() - between.low()).isGreaterThan(within.high() - within.low());
    }

    @Test
    void ratioOfRatiosOfARunWithItselfIsOne() {
        GroupedSample a = GroupedSample.ofSingles(new double[] {19_000, 19_300, 18_800, 19_100});
        GroupedSample b = GroupedSample.ofSingles(new double[] {2_000, 2_020, 1_990, 2_010});
        Estimate same = new HierarchicalBootstrap(1, 2_000).ratioOfRatios("self", a, b, a, b);
        assertThat(same.point()).isEqualTo(1.0);
        assertThat(same.contains(1.0)).isTrue();
    }
}
