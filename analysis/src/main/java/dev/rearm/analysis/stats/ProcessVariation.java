package dev.rearm.analysis.stats;

import java.util.Optional;

/**
 * How a figure's variation splits between processes and between rounds (or iterations) within a
 * process: the one-way random-effects variance components of log ns/op, processes the groups.
 * The interval's width rests on the between-process part; a large share there is why rounds of
 * one process understate what a rerun gives.
 *
 * <p>With k processes, N values, n_i in process i: MSW = sum (y_ij - mean_i)^2 / (N - k),
 * MSB = sum n_i (mean_i - mean)^2 / (k - 1), n0 = (N - sum n_i^2 / N) / (k - 1); within = MSW,
 * between = max(0, (MSB - MSW) / n0) (the ANOVA estimator, truncated at 0).
 *
 * @param betweenProcesses the between-process standard deviation of log ns/op (~ a relative SD)
 * @param withinProcess    the between-round standard deviation within a process, of log ns/op
 */
public record ProcessVariation(int processes, int values, double betweenProcesses, double withinProcess) {

    /** Empty when the sample's groups are not processes, or there are fewer than 2 of them, or no process has 2 rounds. */
    public static Optional<ProcessVariation> of(GroupedSample sample) {
        int k = sample.groupCount();
        if (sample.processes() != k || k < 2) {
            return Optional.empty();
        }
        int n = sample.valueCount();
        if (n - k < 1) {
            return Optional.empty();
        }
        double grand = 0;
        double[] means = new double[k];
        double sumSquaredSizes = 0;
        for (int i = 0; i < k; i++) {
            double[] group = sample.group(i);
            for (double value : group) {
                means[i] += Math.log(value);
            }
            grand += means[i];
            means[i] /= group.length;
            sumSquaredSizes += (double) group.length * group.length;
        }
        grand /= n;
        double within = 0;
        double between = 0;
        for (int i = 0; i < k; i++) {
            double[] group = sample.group(i);
            for (double value : group) {
                double d = Math.log(value) - means[i];
                within += d * d;
            }
            between += group.length * (means[i] - grand) * (means[i] - grand);
        }
        double msw = within / (n - k);
        double msb = between / (k - 1);
        double n0 = (n - sumSquaredSizes / n) / (k - 1);
        return Optional.of(new ProcessVariation(k, n, Math.sqrt(Math.max(0, (msb - msw) / n0)), Math.sqrt(msw)));
    }

    /** The between-process part of the total variance, 0 to 1. */
    public double betweenShare() {
        double total = betweenProcesses * betweenProcesses + withinProcess * withinProcess;
        return total == 0 ? 0 : betweenProcesses * betweenProcesses / total;
    }
}
