package dev.rearm.analysis.stats;

import dev.rearm.analysis.stats.CoverageSimulation.Shape;
import java.util.List;
import java.util.Locale;

/**
 * Prints the coverage tables of analysis/README.md (simulated by {@link CoverageSimulation}):
 * <ol>
 *   <li>groups x interval method for a speedup: the t interval the report uses ({@link RatioInterval})
 *       against the expanded-percentile bootstrap it used before, at 10,000 resamples;</li>
 *   <li>data shape x processes x method: the process-level t interval (groups = processes, rounds
 *       nested), the same t interval reading every round as an independent group (how a run's rounds
 *       are read when they all come from one process), and the process-level t interval of a ratio
 *       of ratios (a baseline comparison).</li>
 * </ol>
 * Run it as the README says; the bootstrap rows take a few minutes on 2 cores.
 */
public final class CoverageTable {
    static final List<Integer> GROUP_COUNTS = List.of(3, 5, 10);
    static final int T_DATASETS = 10_000;
    static final int BOOTSTRAP_DATASETS = 1_000;

    private CoverageTable() {
    }

    public static void main(String[] args) {
        System.out.print(shapesTable());
        System.out.println();
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

    /** Shape x processes x method, {@link #T_DATASETS} simulated runs per cell. */
    static String shapesTable() {
        StringBuilder table = new StringBuilder("| data shape | processes | speedup, t on process means (now) "
                + "| speedup, t on rounds as if independent | ratio of ratios, t on process means (now) |\n"
                + "|---|---|---|---|---|\n");
        for (Shape shape : Shape.values()) {
            for (int groups : GROUP_COUNTS) {
                double processLevel = CoverageSimulation.coverage(shape, groups, T_DATASETS, RatioInterval::ratio);
                double roundLevel = CoverageSimulation.coverage(shape, groups, T_DATASETS,
                        (a, b) -> RatioInterval.ratio(CoverageSimulation.roundsAsGroups(a),
                                CoverageSimulation.roundsAsGroups(b)));
                double ofRatios = CoverageSimulation.ratioOfRatiosCoverage(shape, groups, T_DATASETS,
                        s -> RatioInterval.ratioOfRatios(s[0], s[1], s[2], s[3]));
                table.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n",
                        shape.name().toLowerCase(Locale.ROOT), groups, processLevel, roundLevel, ofRatios));
            }
        }
        return table.toString();
    }
}
