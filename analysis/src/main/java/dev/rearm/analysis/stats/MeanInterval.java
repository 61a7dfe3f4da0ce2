package dev.rearm.analysis.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Student t intervals for a mean of per-round figures, and Welch's for the difference of two
 * such means (two parts measured in rounds of their own, so not paired). The rounds are those of
 * one process (the native harness's), so every estimate says so ({@link Estimate#fewProcesses()}):
 * its interval is within-process variation and carries no verdict.
 */
public final class MeanInterval {
    private static final int ONE_PROCESS = 1;

    private MeanInterval() {
    }

    /** The mean of {@code values} with its t interval at {@code level}; a zero-width interval from one value. */
    public static Estimate of(double[] values, double level) {
        SummaryStatistics s = summary(values);
        long n = s.getN();
        if (n < 2) {
            return new Estimate(s.getMean(), s.getMean(), s.getMean(), level, (int) n, ONE_PROCESS);
        }
        double half = quantile(n - 1, level) * s.getStandardDeviation() / Math.sqrt(n);
        return new Estimate(s.getMean(), s.getMean() - half, s.getMean() + half, level, (int) n, ONE_PROCESS);
    }

    /** mean(a) - mean(b) with Welch's interval (Welch-Satterthwaite degrees of freedom). */
    public static Estimate difference(double[] a, double[] b, double level) {
        SummaryStatistics sa = summary(a);
        SummaryStatistics sb = summary(b);
        double point = sa.getMean() - sb.getMean();
        int groups = (int) Math.min(sa.getN(), sb.getN());
        if (groups < 2) {
            return new Estimate(point, point, point, level, groups, ONE_PROCESS);
        }
        double va = sa.getVariance() / sa.getN();
        double vb = sb.getVariance() / sb.getN();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Estimate(point, point, point, level, groups, ONE_PROCESS);
        }
        double half = quantile(DifferenceTests.welchDegreesOfFreedom(a, b), level) * se;
        return new Estimate(point, point - half, point + half, level, groups, ONE_PROCESS);
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
