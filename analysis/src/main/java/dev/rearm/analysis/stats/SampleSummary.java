package dev.rearm.analysis.stats;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Descriptive figures of one strategy's ns/op in one scenario. The median uses R_7 (the
 * definition R and NumPy use by default), so every percentile in the report agrees.
 */
public record SampleSummary(int groups, int values, double mean, double median, double standardDeviation,
                            double min, double max) {

    public static SampleSummary of(GroupedSample sample) {
        double[] values = sample.allValues();
        DescriptiveStatistics statistics = new DescriptiveStatistics(values);
        double median = new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, 50);
        return new SampleSummary(sample.groupCount(), values.length, statistics.getMean(), median,
                statistics.getStandardDeviation(), statistics.getMin(), statistics.getMax());
    }

    /** Standard deviation over mean. */
    public double coefficientOfVariation() {
        return standardDeviation / mean;
    }
}
