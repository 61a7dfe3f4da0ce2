package dev.rearm.analysis.stats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Bootstrap confidence intervals for statistics of sample means, resampling at both levels where
 * benchmark variance lives (Kalibera and Jones, ISMM 2013): draw the groups (JMH forks, native
 * rounds) with replacement, then the values within each drawn group with replacement, and take
 * the mean of what was drawn. Each sample is resampled independently of the others.
 *
 * <p>The interval is Hesterberg's <em>expanded percentile</em> interval: a plain percentile
 * interval is too narrow when there are few groups (its spread is that of a mean over n groups
 * times sqrt((n-1)/n), read with normal instead of t quantiles), which covers a true ratio only
 * ~86% of the time with 5 forks and ~81% with 3. So the percentiles are taken at alpha'/2 with
 * Phi^-1(alpha'/2) = -sqrt(n/(n-1)) t(n-1, 1-alpha/2), n the fewest groups of any sample
 * (e.g. 0.86% / 99.14% for 10 rounds). With a single group there is no between-group spread to
 * resample and the interval falls back to the plain percentiles; the report flags such figures.
 *
 * <p>Reproducible: every named estimate draws from its own {@link Well19937c} seeded with
 * the report's seed mixed with the estimate's name, so adding or removing a scenario never moves
 * another scenario's interval.
 */
public final class HierarchicalBootstrap {
    /** The fewest resamples the report accepts: the 2.5% tail then rests on 250 draws. */
    public static final int MIN_RESAMPLES = 10_000;
    public static final double LEVEL = Estimate.LEVEL;

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
     * The point estimate from the samples' grand means, and the expanded 95% percentile interval
     * (R_7 percentiles) of the statistic over the resamples.
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
        int groups = samples.stream().mapToInt(GroupedSample::groupCount).min().orElse(1);
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(statistics);
        double tail = expandedTailPercent(groups);
        return new Estimate(point, percentile.evaluate(tail), percentile.evaluate(100 - tail), LEVEL, groups);
    }

    /** The lower tail, in percent, of the expanded percentile interval for n groups. */
    static double expandedTailPercent(int groups) {
        double nominal = (1 - LEVEL) / 2;
        if (groups < 2) {
            return nominal * 100;
        }
        double t = new TDistribution(groups - 1).inverseCumulativeProbability(1 - nominal);
        double z = t * Math.sqrt((double) groups / (groups - 1));
        // Percentile.evaluate needs a percentage above 0; far tails then read the smallest resample.
        return Math.max(new NormalDistribution().cumulativeProbability(-z) * 100, 1e-9);
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
