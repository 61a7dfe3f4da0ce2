package dev.rearm.analysis.stats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentile-bootstrap confidence intervals for statistics of sample means, resampling at both
 * levels where benchmark variance lives (Kalibera and Jones, ISMM 2013): draw the groups (JMH
 * forks, native rounds) with replacement, then the values within each drawn group with
 * replacement, and take the mean of what was drawn. Each sample is resampled independently of the
 * others.
 *
 * <p>Reproducible: every named estimate draws from its own {@link Well19937c} seeded with
 * the report's seed mixed with the estimate's name, so adding or removing a scenario never moves
 * another scenario's interval.
 */
public final class HierarchicalBootstrap {
    /** The fewest resamples the report accepts: the 2.5% tail then rests on 250 draws. */
    public static final int MIN_RESAMPLES = 10_000;
    public static final double LEVEL = 0.95;

    private final long seed;
    private final int resamples;

    public HierarchicalBootstrap(long seed, int resamples) {
        if (resamples < 100) {
            throw new IllegalArgumentException("too few resamples for a 95% interval: " + resamples);
        }
        this.seed = seed;
        this.resamples = resamples;
    }

    public long seed() {
        return seed;
    }

    public int resamples() {
        return resamples;
    }

    /** mean(numerator) / mean(denominator): e.g. the speedup reopen / modify. */
    public Estimate ratio(String name, GroupedSample numerator, GroupedSample denominator) {
        return estimate(name, List.of(numerator, denominator), means -> means[0] / means[1]);
    }

    /** (a / b) / (c / d): one run's speedup against another's. */
    public Estimate ratioOfRatios(String name, GroupedSample a, GroupedSample b, GroupedSample c, GroupedSample d) {
        return estimate(name, List.of(a, b, c, d), means -> (means[0] / means[1]) / (means[2] / means[3]));
    }

    /**
     * The point estimate from the samples' grand means, and the 2.5th and 97.5th R_7 percentiles
     * of the statistic over the resamples.
     *
     * @param statistic receives the resampled means, in the order of {@code samples}
     */
    public Estimate estimate(String name, List<GroupedSample> samples, ToDoubleFunction<double[]> statistic) {
        double[] means = new double[samples.size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = samples.get(i).grandMean();
        }
        double point = statistic.applyAsDouble(means);

        RandomGenerator random = new Well19937c(streamSeed(name));
        double[] statistics = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < means.length; i++) {
                means[i] = resampledMean(samples.get(i), random);
            }
            statistics[r] = statistic.applyAsDouble(means);
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(statistics);
        double tail = (1 - LEVEL) / 2 * 100;
        return new Estimate(point, percentile.evaluate(tail), percentile.evaluate(100 - tail), LEVEL);
    }

    private static double resampledMean(GroupedSample sample, RandomGenerator random) {
        int groups = sample.groupCount();
        double sum = 0;
        int count = 0;
        for (int g = 0; g < groups; g++) {
            double[] group = sample.group(random.nextInt(groups));
            for (int v = 0; v < group.length; v++) {
                sum += group[random.nextInt(group.length)];
            }
            count += group.length;
        }
        return sum / count;
    }

    /** The report seed mixed with a stable (FNV-1a) hash of the estimate's name. */
    private long streamSeed(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        return seed ^ hash;
    }
}
