package dev.rearm.analysis.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Simulated benchmark runs whose true speedup is known, for measuring how often an interval
 * method covers it. Between-group variance dominates, as it does in real runs: each group (fork,
 * round) has a random effect of {@link #GROUP_CV} on its mean, each of its iterations
 * {@link #ITERATION_CV} of noise. reopen's groups vary twice as much as modify's (heteroscedastic,
 * as measured: reopen's mmap/munmap move more from fork to fork than an ioctl).
 */
final class CoverageSimulation {
    static final double REOPEN_MEAN = 19_000;
    static final double MODIFY_MEAN = 2_000;
    static final double TRUE_SPEEDUP = REOPEN_MEAN / MODIFY_MEAN;
    static final double GROUP_CV = 0.05;
    static final double ITERATION_CV = 0.01;
    static final int ITERATIONS_PER_GROUP = 5;
    static final long WORLD_SEED = 20_180_412L;

    private CoverageSimulation() {
    }

    /** The fraction of {@code datasets} simulated runs of {@code groups} groups whose interval holds the truth. */
    static double coverage(int groups, int datasets, BiFunction<GroupedSample, GroupedSample, Estimate> method) {
        RandomGenerator world = new Well19937c(WORLD_SEED + groups);
        int covered = 0;
        for (int d = 0; d < datasets; d++) {
            GroupedSample reopen = simulate(world, REOPEN_MEAN, 2 * GROUP_CV, groups);
            GroupedSample modify = simulate(world, MODIFY_MEAN, GROUP_CV, groups);
            if (method.apply(reopen, modify).contains(TRUE_SPEEDUP)) {
                covered++;
            }
        }
        return (double) covered / datasets;
    }

    private static GroupedSample simulate(RandomGenerator world, double mean, double groupCv, int groups) {
        List<double[]> data = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double groupEffect = 1 + groupCv * world.nextGaussian();
            double[] values = new double[ITERATIONS_PER_GROUP];
            for (int i = 0; i < values.length; i++) {
                values[i] = mean * groupEffect * (1 + ITERATION_CV * world.nextGaussian());
            }
            data.add(values);
        }
        return GroupedSample.of(data);
    }
}
