package dev.rearm.analysis.stats;

/**
 * The exact null distribution of the Mann-Whitney U statistic for samples without ties, for the
 * small samples benchmarks give (3 forks, 10 rounds), where the normal approximation is wrong:
 * commons-math3's gives p = 0.0495 for 3 against 3 completely separated values, whose exact
 * two-sided p is 2/20 = 0.1 (no outcome at 3 against 3 can reach 0.05).
 *
 * <p>Under the null hypothesis every one of the C(m+n, m) orderings of the pooled values is equally
 * likely, and the number of orderings with U = u is the coefficient of q^u in the Gaussian
 * binomial [m+n choose m]_q = prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i). Built one factor pair at a
 * time, every intermediate polynomial is a Gaussian binomial (or one factor from it), so the
 * counts stay whole numbers below 2 C(m+n, m), which fits a long up to m + n = {@link #MAX_TOTAL}.
 */
public final class ExactMannWhitney {
    /** C(60, 30) is 1.2e17, within a long; beyond it the normal approximation is good anyway. */
    public static final int MAX_TOTAL = 60;

    private ExactMannWhitney() {
    }

    /** True when the exact distribution applies: no value shared between or within the samples, m + n <= 60. */
    public static boolean applies(double[] x, double[] y) {
        if (x.length + y.length > MAX_TOTAL) {
            return false;
        }
        double[] pooled = new double[x.length + y.length];
        System.arraycopy(x, 0, pooled, 0, x.length);
        System.arraycopy(y, 0, pooled, x.length, y.length);
        java.util.Arrays.sort(pooled);
        for (int i = 1; i < pooled.length; i++) {
            if (pooled[i] == pooled[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** U of x: the number of pairs (x_i, y_j) with x_i > y_j. */
    public static long u(double[] x, double[] y) {
        long u = 0;
        for (double a : x) {
            for (double b : y) {
                if (a > b) {
                    u++;
                }
            }
        }
        return u;
    }

    /** Two-sided p: twice the smaller tail at the observed U, at most 1. Requires {@link #applies}. */
    public static double twoSidedP(double[] x, double[] y) {
        if (!applies(x, y)) {
            throw new IllegalArgumentException("the exact Mann-Whitney distribution needs untied samples of at most "
                    + MAX_TOTAL + " values in all");
        }
        long[] counts = orderingsByU(x.length, y.length);
        long observed = u(x, y);
        double total = 0;
        double atOrBelow = 0;
        double atOrAbove = 0;
        for (int u = 0; u < counts.length; u++) {
            total += counts[u];
            if (u <= observed) {
                atOrBelow += counts[u];
            }
            if (u >= observed) {
                atOrAbove += counts[u];
            }
        }
        return Math.min(1.0, 2 * Math.min(atOrBelow, atOrAbove) / total);
    }

    /** counts[u] = the orderings of m x's and n y's with U = u (the Gaussian binomial's coefficients). */
    static long[] orderingsByU(int m, int n) {
        long[] c = new long[m * n + 1];
        c[0] = 1;
        for (int i = 1; i <= m; i++) {
            int up = n + i;
            for (int j = c.length - 1; j >= up; j--) {
                c[j] -= c[j - up]; // times (1 - q^(n+i))
            }
            for (int j = i; j < c.length; j++) {
                c[j] += c[j - i]; // divided by (1 - q^i)
            }
        }
        return c;
    }
}
