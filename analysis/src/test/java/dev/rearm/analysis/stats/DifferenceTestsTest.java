package dev.rearm.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DifferenceTestsTest {

    /**
     * A published worked example: R's {@code t.test(ts1, ts2)} (Welch by default) on these two
     * samples prints t = -1.8325, df = 17.9, p-value = 0.08356 (quoted in a Cross Validated answer
     * on Welch's confidence interval).
     */
    @Test
    void welchMatchesAPublishedWorkedExample() {
        double[] ts1 = {11, 9, 10, 11, 10, 12, 9, 11, 12, 9};
        double[] ts2 = {11, 13, 10, 13, 12, 9, 11, 12, 12, 11};
        DifferenceTest test = DifferenceTests.compare(GroupedSample.ofSingles(ts1), GroupedSample.ofSingles(ts2));
        assertThat(test.welchT()).isCloseTo(-1.8325, within(5e-5));
        assertThat(test.welchDf()).isCloseTo(17.9, within(0.05));
        assertThat(test.welchP()).isCloseTo(0.08356, within(5e-6));
        assertThat(test.unit()).isEqualTo("rounds");
    }

    @Test
    void forksAreTestedOnTheirMeansNotOnPooledIterations() {
        GroupedSample a = GroupedSample.of(List.of(new double[] {10, 11}, new double[] {12, 13}, new double[] {11, 12}));
        GroupedSample b = GroupedSample.of(List.of(new double[] {1, 2}, new double[] {2, 3}));
        DifferenceTest test = DifferenceTests.compare(a, b);
        assertThat(test.unit()).isEqualTo("fork means");
        assertThat(test.countA()).isEqualTo(3);
        assertThat(test.countB()).isEqualTo(2);
        assertThat(test.mannWhitneyU()).isEqualTo(6.0);
    }

    @Test
    void aSingleForkFallsBackToItsIterations() {
        GroupedSample a = GroupedSample.of(List.of(new double[] {10, 11, 12}));
        GroupedSample b = GroupedSample.of(List.of(new double[] {1, 2, 3}));
        assertThat(DifferenceTests.compare(a, b).unit()).isEqualTo("iterations");
    }

    @Test
    void noTestWithFewerThanTwoObservationsOnASide() {
        assertThat(DifferenceTests.compare(GroupedSample.ofSingles(new double[] {1}),
                GroupedSample.ofSingles(new double[] {1, 2}))).isNull();
    }

    @Test
    void constantSamplesGiveNoTStatisticInsteadOfFailing() {
        DifferenceTest test = DifferenceTests.compare(GroupedSample.ofSingles(new double[] {5, 5, 5}),
                GroupedSample.ofSingles(new double[] {1, 1, 1}));
        assertThat(test.welchP()).isNaN();
        assertThat(test.mannWhitneyP()).isLessThan(0.2);
    }

    @Test
    void mannWhitneyAtThreeForksAgainstThreeUsesTheExactDistributionWhoseSmallestPIsOneTenth() {
        // commons-math3's normal approximation said 0.0495 here: "significant" on every JMH row.
        GroupedSample a = GroupedSample.of(List.of(new double[] {19_000}, new double[] {19_500}, new double[] {19_200}));
        GroupedSample b = GroupedSample.of(List.of(new double[] {2_000}, new double[] {2_100}, new double[] {2_050}));
        DifferenceTest test = DifferenceTests.compare(a, b);
        assertThat(test.mannWhitneyExact()).isTrue();
        assertThat(test.mannWhitneyP()).isEqualTo(0.1, within(1e-12));
    }

    @Test
    void exactMannWhitneyMatchesTheTabulatedDistributionForFiveAgainstFive() {
        // Orderings of 5 and 5 by U: 1, 1, 2, 3, 5, ... of C(10, 5) = 252 (Mann & Whitney 1947, table I).
        long[] counts = ExactMannWhitney.orderingsByU(5, 5);
        assertThat(counts).startsWith(1, 1, 2, 3, 5, 7);
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(252);
        double[] x = {1, 2, 4, 5.5, 7.5};
        double[] y = {3, 5, 6, 7, 8};
        assertThat(ExactMannWhitney.u(x, y)).isEqualTo(7);
        // P(U <= 7) = (1+1+2+3+5+7+9+11) / 252 = 39/252; two-sided 78/252.
        assertThat(ExactMannWhitney.twoSidedP(x, y)).isEqualTo(78.0 / 252, within(1e-12));
    }

    @Test
    void tiedValuesFallBackToTheNormalApproximationAndSaySo() {
        DifferenceTest test = DifferenceTests.compare(GroupedSample.ofSingles(new double[] {5, 6, 7}),
                GroupedSample.ofSingles(new double[] {5, 1, 2}));
        assertThat(test.mannWhitneyExact()).isFalse();
    }
}
