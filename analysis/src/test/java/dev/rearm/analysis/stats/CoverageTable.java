package dev.rearm.analysis.stats;

import java.util.List;
import java.util.Locale;

/**
 * Prints the coverage table of analysis/README.md (groups x interval method, simulated by
 * {@link CoverageSimulation}): the t interval the report uses ({@link RatioInterval}) against the
 * expanded-percentile bootstrap it used before, at 10,000 resamples. Run it as the README says;
 * the bootstrap rows take a few minutes on 2 cores.
 */
public final class CoverageTable {
    static final List<Integer> GROUP_COUNTS = List.of(3, 5, 10);
    static final int T_DATASETS = 10_000;
    static final int BOOTSTRAP_DATASETS = 1_000;

    private CoverageTable() {
    }

    public static void main(String[] args) {
        HierarchicalBootstrap bootstrap = new HierarchicalBootstrap(7, HierarchicalBootstrap.MIN_RESAMPLES);
        StringBuilder table = new StringBuilder("| groups | t interval on log ratio (now), " + T_DATASETS
                + " runs | expanded-percentile bootstrap (before), " + BOOTSTRAP_DATASETS + " runs |\n|---|---|---|\n");
        for (int groups : GROUP_COUNTS) {
            double t = CoverageSimulation.coverage(groups, T_DATASETS, RatioInterval::ratio);
            int[] dataset = {0};
            double old = CoverageSimulation.coverage(groups, BOOTSTRAP_DATASETS,
                    (a, b) -> bootstrap.ratio("dataset " + dataset[0]++, a, b));
            table.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f |%n", groups, t, old));
        }
        System.out.print(table);
    }
}
