package dev.rearm.analysis.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Simulated benchmark runs whose true speedup is known, for measuring how often an interval
 * method covers it. Between-group variance dominates, as it does in real runs: each group (fork,
 * process) has a random effect of {@link #GROUP_CV} on its mean, each of its values (iterations,
 * rounds) {@link #ITERATION_CV} of noise. reopen's groups vary twice as much as modify's
 * (heteroscedastic, as measured: reopen's mmap/munmap move more from fork to fork than an ioctl).
 *
 * <p>The shapes of {@link Shape} vary how the groups' effects are drawn and how many values each
 * group holds, for the coverage table of analysis/README.md and the ratio-of-ratios test.
 */
final class CoverageSimulation {
    static final double REOPEN_MEAN = 19_000;
    static final double MODIFY_MEAN = 2_000;
    static final double TRUE_SPEEDUP = REOPEN_MEAN / MODIFY_MEAN;
    static final double GROUP_CV = 0.05;
    static final double ITERATION_CV = 0.01;
    static final int ITERATIONS_PER_GROUP = 5;
    static final long WORLD_SEED = 20_180_412L;

    /** How a simulated group's effect is drawn and how many values it holds. */
    enum Shape {
        /** Normal effects, 5 values per group. */
        NORMAL,
        /** Shifted-exponential effects (skewness 2: a few slow processes), 5 values per group. */
        SKEWED,
        /** Normal effects, 1 to 9 values per group (unequal groups) and unequal group counts across samples. */
        UNBALANCED
    }

    private CoverageSimulation() {
    }

    /** The fraction of {@code datasets} simulated runs of {@code groups} groups whose interval holds the truth. */
    static double coverage(int groups, int datasets, BiFunction<GroupedSample, GroupedSample, Estimate> method) {
        return coverage(Shape.NORMAL, groups, datasets, method);
    }

    /** As {@link #coverage(int, int, BiFunction)}, for a shape (UNBALANCED gives modify 2 groups more). */
    static double coverage(Shape shape, int groups, int datasets,
                           BiFunction<GroupedSample, GroupedSample, Estimate> method) {
        RandomGenerator world = new Well19937c(WORLD_SEED + groups + 1_000L * shape.ordinal());
        int covered = 0;
        for (int d = 0; d < datasets; d++) {
            GroupedSample reopen = simulate(world, shape, REOPEN_MEAN, 2 * GROUP_CV, groups);
            GroupedSample modify = simulate(world, shape, MODIFY_MEAN, GROUP_CV,
                    shape == Shape.UNBALANCED ? groups + 2 : groups);
            if (method.apply(reopen, modify).contains(TRUE_SPEEDUP)) {
                covered++;
            }
        }
        return (double) covered / datasets;
    }

    /**
     * How often {@code method} on (a, b, c, d) covers (A/B)/(C/D), the four samples' true means
     * (this run's reopen and modify, a baseline's); UNBALANCED gives them groups, groups+1,
     * groups+3 and groups+6 groups.
     */
    static double ratioOfRatiosCoverage(Shape shape, int groups, int datasets,
                                        Function<GroupedSample[], Estimate> method) {
        double[] means = {REOPEN_MEAN, MODIFY_MEAN, 0.8 * REOPEN_MEAN, 1.1 * MODIFY_MEAN};
        double[] cvs = {2 * GROUP_CV, GROUP_CV, 2 * GROUP_CV, GROUP_CV};
        int[] extra = shape == Shape.UNBALANCED ? new int[] {0, 1, 3, 6} : new int[4];
        double truth = (means[0] / means[1]) / (means[2] / means[3]);
        RandomGenerator world = new Well19937c(WORLD_SEED + 7 * groups + 1_000L * shape.ordinal());
        int covered = 0;
        for (int d = 0; d < datasets; d++) {
            GroupedSample[] samples = new GroupedSample[4];
            for (int i = 0; i < 4; i++) {
                samples[i] = simulate(world, shape, means[i], cvs[i], groups + extra[i]);
            }
            if (method.apply(samples).contains(truth)) {
                covered++;
            }
        }
        return (double) covered / datasets;
    }

    /**
     * One simulated sample: {@code groups} processes (or forks), each with its own effect on the
     * mean, each holding rounds (or iterations) with a little noise.
     */
    static GroupedSample simulate(RandomGenerator world, Shape shape, double mean, double groupCv, int groups) {
        List<double[]> data = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double groupEffect = shape == Shape.SKEWED
                    ? 1 + groupCv * (-Math.log(1 - world.nextDouble()) - 1)
                    : 1 + groupCv * world.nextGaussian();
            int values = shape == Shape.UNBALANCED ? 1 + world.nextInt(9) : ITERATIONS_PER_GROUP;
            double[] group = new double[values];
            for (int i = 0; i < group.length; i++) {
                group[i] = mean * groupEffect * (1 + ITERATION_CV * world.nextGaussian());
            }
            data.add(group);
        }
        return GroupedSample.of(data);
    }

    /** Today's native reading of a sample: every value (round) a group of its own, all from one process. */
    static GroupedSample roundsAsGroups(GroupedSample sample) {
        return GroupedSample.ofSingles(sample.allValues());
    }
}
