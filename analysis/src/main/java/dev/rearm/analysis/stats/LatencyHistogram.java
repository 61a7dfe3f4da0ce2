package dev.rearm.analysis.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sampled single-op times (JMH SampleTime's {@code rawDataHistogram}, all forks and iterations
 * merged) as distinct values with their counts, in ns. Percentiles use the R_7 definition
 * (the one Commons Math's {@code Percentile} with {@code EstimationType.R_7} computes) on the
 * expanded sample, without expanding it: SampleTime records millions of samples.
 */
public final class LatencyHistogram {
    private final double[] values;
    private final long[] counts;
    private final long total;

    private LatencyHistogram(double[] values, long[] counts) {
        this.values = values;
        this.counts = counts;
        this.total = Arrays.stream(counts).sum();
    }

    /** @param countsByValue value (ns) to how many samples took it; counts must be positive */
    public static LatencyHistogram of(Map<Double, Long> countsByValue) {
        TreeMap<Double, Long> sorted = new TreeMap<>();
        countsByValue.forEach((value, count) -> {
            if (!Double.isFinite(value) || count <= 0) {
                throw new IllegalArgumentException("bad histogram bin " + value + " x " + count);
            }
            sorted.merge(value, count, Long::sum);
        });
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("empty histogram");
        }
        double[] values = new double[sorted.size()];
        long[] counts = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<Double, Long> bin : sorted.entrySet()) {
            values[i] = bin.getKey();
            counts[i] = bin.getValue();
            i++;
        }
        return new LatencyHistogram(values, counts);
    }

    public long sampleCount() {
        return total;
    }

    /**
     * The R_7 quantile: with N samples sorted, h = (N - 1) p + 1 (1-based), the value at floor(h)
     * plus (h - floor(h)) times the step to the next one.
     *
     * @param percent in (0, 100]
     */
    public double percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile out of (0, 100]: " + percent);
        }
        double h = (total - 1) * (percent / 100.0) + 1;
        long lowRank = (long) Math.floor(h);
        double low = valueAtRank(lowRank);
        if (lowRank >= total) {
            return low;
        }
        double high = valueAtRank(lowRank + 1);
        return low + (h - lowRank) * (high - low);
    }

    /** The rank-th smallest sample, rank counted from 1. */
    private double valueAtRank(long rank) {
        long seen = 0;
        for (int i = 0; i < values.length; i++) {
            seen += counts[i];
            if (rank <= seen) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
