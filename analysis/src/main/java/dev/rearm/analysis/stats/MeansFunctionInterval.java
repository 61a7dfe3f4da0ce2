package dev.rearm.analysis.stats;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The 95% t interval of a smooth function of independent samples' means that is not a plain
 * product of means, e.g. the profiler's overhead ratio (reopen - none) / (modify - none) or
 * reopen's extra time reopen - modify: the same Welch t interval as {@link RatioInterval}'s, on the
 * groups' means, by the delta method.
 *
 * <p>var(g(f)) = sum of (dg(f)/dm_i)^2 s_i^2 / n_i over the samples (s_i the standard deviation of
 * sample i's n_i group means, weighted by size when groups differ; the derivative taken
 * numerically), with Welch-Satterthwaite's degrees
 * of freedom over those terms; g is log for a positive ratio (so its interval, like a speedup's, is
 * symmetric on a ratio scale) and the identity for a difference. For a difference of two means this
 * is Welch's interval exactly; for a ratio whose denominator nears 0 the delta method breaks down,
 * which is why callers report such a ratio as not resolved. A sample with one group gives the
 * point itself, and {@link Estimate#fewGroups()} says so.
 */
public final class MeansFunctionInterval {
    /** Relative step of the numerical derivative: small beside any mean, large beside double rounding. */
    private static final double STEP = 1e-6;

    /** Whether the interval is built on the function's log (positive ratios) or on the function itself. */
    public enum Scale { LOG, LINEAR }

    private MeansFunctionInterval() {
    }

    /**
     * @param function of the samples' means, in the order of {@code samples}
     * @param scale    LOG needs a positive point; a non-positive one falls back to LINEAR
     */
    public static Estimate of(List<GroupedSample> samples, ToDoubleFunction<double[]> function, Scale scale) {
        double[] means = new double[samples.size()];
        int groups = Integer.MAX_VALUE;
        int processes = Integer.MAX_VALUE;
        for (int i = 0; i < means.length; i++) {
            means[i] = samples.get(i).grandMean();
            groups = Math.min(groups, samples.get(i).groupCount());
            processes = Math.min(processes, samples.get(i).processes());
        }
        double point = function.applyAsDouble(means);
        boolean log = scale == Scale.LOG && point > 0;
        ToDoubleFunction<double[]> g = log ? m -> Math.log(function.applyAsDouble(m)) : function;
        if (groups < 2 || !Double.isFinite(point)) {
            return new Estimate(point, point, point, Estimate.LEVEL, groups, processes);
        }
        double variance = 0;
        double dfDenominator = 0;
        for (int i = 0; i < means.length; i++) {
            GroupedSample sample = samples.get(i);
            double h = STEP * Math.max(Math.abs(means[i]), Double.MIN_NORMAL);
            double[] up = means.clone();
            double[] down = means.clone();
            up[i] += h;
            down[i] -= h;
            double derivative = (g.applyAsDouble(up) - g.applyAsDouble(down)) / (2 * h);
            int n = sample.groupCount();
            double term = derivative * derivative * sample.varianceOfGrandMean();
            variance += term;
            dfDenominator += term * term / (sample.effectiveGroups() - 1);
        }
        if (!(variance > 0) || !Double.isFinite(variance)) {
            return new Estimate(point, point, point, Estimate.LEVEL, groups, processes);
        }
        double df = variance * variance / dfDenominator;
        double half = new TDistribution(df).inverseCumulativeProbability(1 - (1 - Estimate.LEVEL) / 2)
                * Math.sqrt(variance);
        return log
                ? new Estimate(point, point * Math.exp(-half), point * Math.exp(half), Estimate.LEVEL, groups,
                        processes)
                : new Estimate(point, point - half, point + half, Estimate.LEVEL, groups, processes);
    }
}
