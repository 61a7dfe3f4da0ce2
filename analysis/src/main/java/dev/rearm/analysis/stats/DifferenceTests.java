package dev.rearm.analysis.stats;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Runs the difference tests on independent observations (Mann-Whitney's p from its exact
 * distribution when the values are untied and few, {@link ExactMannWhitney}, else the normal approximation): the groups (native rounds, JMH fork
 * means) when both sides have at least two, since iterations of one fork share that fork's JIT
 * and layout and are not independent; otherwise the iterations, and the unit says so.
 */
public final class DifferenceTests {
    private DifferenceTests() {
    }

    /** @return null when a side has fewer than two observations (no test is possible) */
    public static DifferenceTest compare(GroupedSample a, GroupedSample b) {
        double[] x;
        double[] y;
        String unit;
        if (a.groupCount() >= 2 && b.groupCount() >= 2) {
            x = a.groupMeans();
            y = b.groupMeans();
            unit = a.isFlat() && b.isFlat() ? "rounds" : "fork means";
        } else {
            x = a.allValues();
            y = b.allValues();
            unit = "iterations";
        }
        if (x.length < 2 || y.length < 2) {
            return null;
        }
        MannWhitneyUTest mannWhitney = new MannWhitneyUTest();
        double u = mannWhitney.mannWhitneyU(x, y);
        boolean exact = ExactMannWhitney.applies(x, y);
        // The normal approximation is far off at a few forks (p = 0.0495 at 3 against 3, where 0.1 is the least).
        double uP = exact ? ExactMannWhitney.twoSidedP(x, y) : mannWhitney.mannWhitneyUTest(x, y);
        if (new DescriptiveStatistics(x).getVariance() + new DescriptiveStatistics(y).getVariance() == 0) {
            // Both sides constant: the t statistic is undefined (0/0 or a certain difference).
            return new DifferenceTest(unit, x.length, y.length, Double.NaN, Double.NaN, Double.NaN, u, uP, exact);
        }
        TTest welch = new TTest();
        return new DifferenceTest(unit, x.length, y.length, welch.t(x, y), welchDegreesOfFreedom(x, y),
                welch.tTest(x, y), u, uP, exact);
    }

    /** Welch-Satterthwaite: (vx/nx + vy/ny)^2 / ((vx/nx)^2/(nx-1) + (vy/ny)^2/(ny-1)). */
    public static double welchDegreesOfFreedom(double[] x, double[] y) {
        double vx = new DescriptiveStatistics(x).getVariance() / x.length;
        double vy = new DescriptiveStatistics(y).getVariance() / y.length;
        return (vx + vy) * (vx + vy) / (vx * vx / (x.length - 1) + vy * vy / (y.length - 1));
    }
}
