package dev.rearm.analysis.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Student t intervals for a mean of per-round figures, and Welch's for the difference of two
 * such means (two parts measured in rounds of their own, so not paired). Each estimate says how
 * many processes its values came from ({@link Estimate#processes()}): today's native rounds are
 * those of one process, so their interval is within-process variation and carries no verdict.
 */
public final class MeanInterval {
    private MeanInterval() {
    }

    /**
     * The mean of {@code values} with its t interval at {@code level}; a zero-width interval from one value.
     *
     * @param processes how many processes the values came from (1 for rounds of one process)
     */
    public static Estimate of(double[] values, double level, int processes) {
        SummaryStatistics s = summary(values);
        long n = s.getN();
        if (n < 2) {
            return new Estimate(s.getMean(), s.getMean(), s.getMean(), level, (int) n, processes);
        }
        double half = quantile(n - 1, level) * s.getStandardDeviation() / Math.sqrt(n);
        return new Estimate(s.getMean(), s.getMean() - half, s.getMean() + half, level, (int) n, processes);
    }

    /**
     * mean(a) - mean(b) with Welch's interval (Welch-Satterthwaite degrees of freedom).
     *
     * @param processes the fewer of the processes behind a and behind b
     */
    public static Estimate difference(double[] a, double[] b, double level, int processes) {
        SummaryStatistics sa = summary(a);
        SummaryStatistics sb = summary(b);
        double point = sa.getMean() - sb.getMean();
        int groups = (int) Math.min(sa.getN(), sb.getN());
        if (groups < 2) {
            return new Estimate(point, point, point, level, groups, processes);
        }
        double va = sa.getVariance() / sa.getN();
        double vb = sb.getVariance() / sb.getN();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Estimate(point, point, point, level, groups, processes);
        }
        double half = quantile(DifferenceTests.welchDegreesOfFreedom(a, b), level) * se;
        return new Estimate(point, point - half, point + half, level, groups, processes);
    }

    private static double quantile(double df, double level) {
        return new TDistribution(df).inverseCumulativeProbability(0.5 + level / 2);
    }

    private static SummaryStatistics summary(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }
}
