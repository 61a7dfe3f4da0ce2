package dev.rearm.analysis.stats;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The 95% interval of a product of sample means and their inverses (a speedup a/b, a ratio of
 * speedups (a/b)/(c/d)), with known coverage at few groups: a Welch t interval on the log of the
 * statistic, the groups' means (JMH fork means, native rounds) being the independent units.
 *
 * <p>Why not the bootstrap: with 3 groups the expanded percentile asks for a tail (~0.02%) that
 * 10,000 resamples cannot estimate, so its interval is the resample range (it grows with the
 * resample count) and covers ~85% of the time. The t interval's coverage is the t distribution's,
 * whatever the group count, once the group means are about normal (they are means of many ops).
 *
 * <p>log(stat) = sum of +-log(m_i), m_i the sample's mean; by the delta method its variance is
 * sum of s_i^2 / (n_i m_i^2), s_i the standard deviation of the sample's n_i group means (weighted
 * by the groups' sizes when they differ: {@link GroupedSample#varianceOfGrandMean()}); the
 * degrees of freedom are Welch-Satterthwaite's over those terms. The interval is
 * exp(log(stat) +- t(df, 0.975) sqrt(variance)). A sample with one group has no between-group
 * spread: the interval is then the point itself, and {@link Estimate#fewGroups()} says so.
 */
public final class RatioInterval {
    private RatioInterval() {
    }

    /** mean(numerator) / mean(denominator). */
    public static Estimate ratio(GroupedSample numerator, GroupedSample denominator) {
        return of(List.of(numerator), List.of(denominator));
    }

    /** (a / b) / (c / d). */
    public static Estimate ratioOfRatios(GroupedSample a, GroupedSample b, GroupedSample c, GroupedSample d) {
        return of(List.of(a, d), List.of(b, c));
    }

    /** (a / b) / (c / d) on the log scale, for tests on it (a baseline comparison's p-values). */
    public static LogStatistic ratioOfRatiosOnLogScale(GroupedSample a, GroupedSample b, GroupedSample c,
                                                       GroupedSample d) {
        return onLogScale(List.of(a, d), List.of(b, c));
    }

    /** The product of the numerators' means over the product of the denominators' means. */
    static Estimate of(List<GroupedSample> numerators, List<GroupedSample> denominators) {
        return onLogScale(numerators, denominators).estimate();
    }

    /**
     * log(statistic) with its delta-method standard error and Welch-Satterthwaite degrees of freedom.
     *
     * @param point the statistic itself (its log is what the interval and the tests work on)
     * @param se    the standard error of log(point): NaN when a sample has one group (no between-group
     *              spread), 0 when the group means agree
     */
    public record LogStatistic(double point, double se, double df, int groups, int processes) {

        public Estimate estimate() {
            if (!(se > 0)) {
                // Zero width: no variation was measured (one group, or identical group means), which
                // Estimate#noSpread() and Estimate#judgeable() turn into "no verdict".
                return new Estimate(point, point, point, Estimate.LEVEL, groups, processes);
            }
            double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - Estimate.LEVEL) / 2);
            double halfWidth = t * se;
            return new Estimate(point, point * Math.exp(-halfWidth), point * Math.exp(halfWidth), Estimate.LEVEL,
                    groups, processes);
        }

        /**
         * The one-sided p-value that the statistic lies beyond [lower, upper] on the side its point
         * lies (a t test of log(point) against log(upper) or log(lower)). Below 0.025 exactly when
         * the 95% interval lies wholly beyond that edge. NaN without a measured spread.
         */
        public double pBeyond(double lower, double upper) {
            if (!(se > 0)) {
                return Double.NaN;
            }
            double log = Math.log(point);
            double distance = log >= 0 ? log - Math.log(upper) : Math.log(lower) - log;
            return 1 - new TDistribution(df).cumulativeProbability(distance / se);
        }
    }

    private static LogStatistic onLogScale(List<GroupedSample> numerators, List<GroupedSample> denominators) {
        double point = 1;
        double variance = 0;
        double dfDenominator = 0;
        int groups = Integer.MAX_VALUE;
        int processes = Integer.MAX_VALUE;
        boolean spreadKnown = true;
        for (int side = 0; side < 2; side++) {
            for (GroupedSample sample : side == 0 ? numerators : denominators) {
                double mean = sample.grandMean();
                point = side == 0 ? point * mean : point / mean;
                int n = sample.groupCount();
                groups = Math.min(groups, n);
                processes = Math.min(processes, sample.processes());
                if (n < 2) {
                    spreadKnown = false;
                    continue;
                }
                double term = sample.varianceOfGrandMean() / (mean * mean);
                variance += term;
                dfDenominator += term * term / (sample.effectiveGroups() - 1);
            }
        }
        if (!spreadKnown) {
            return new LogStatistic(point, Double.NaN, Double.NaN, groups, processes);
        }
        if (!(variance > 0)) {
            return new LogStatistic(point, 0, Double.NaN, groups, processes);
        }
        return new LogStatistic(point, Math.sqrt(variance), variance * variance / dfDenominator, groups, processes);
    }
}
