package dev.rearm.analysis.baseline;

import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.RatioInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This run against another (another kernel, machine or commit): every speedup beside the
 * baseline's for the same harness and scenario (the same source preferred), and the ratio of the
 * two with a t interval over all four samples ({@link dev.rearm.analysis.stats.RatioInterval}).
 */
public record BaselineComparison(Run baselineRun, List<BaselineRow> rows, double marginPercent) {

    /**
     * The equivalence margin when none is given: a placeholder until A/A runs on the host publish one
     * (analysis/README.md says how to make them); the report always states the margin it used.
     */
    public static final double DEFAULT_MARGIN_PERCENT = 5;

    public static BaselineComparison of(Run baselineRun, Comparisons current, Comparisons baseline) {
        return of(baselineRun, current, baseline, DEFAULT_MARGIN_PERCENT);
    }

    /** @param marginPercent differences whose CI lies within ±this many percent are run-to-run variation */
    public static BaselineComparison of(Run baselineRun, Comparisons current, Comparisons baseline,
                                        double marginPercent) {
        List<BaselineRow> rows = new ArrayList<>();
        for (StrategyComparison now : current.all()) {
            Optional<StrategyComparison> then = baseline.find(now.harness(), now.scenario(), now.source());
            if (then.isEmpty()) {
                rows.add(new BaselineRow(now, null, null, Change.NOT_COMPARED));
                continue;
            }
            Estimate ratio = RatioInterval.ratioOfRatios(now.reopen().nsPerOp(), now.modify().nsPerOp(),
                    then.get().reopen().nsPerOp(), then.get().modify().nsPerOp());
            rows.add(new BaselineRow(now, then.get(), ratio, Change.of(ratio, marginPercent)));
        }
        return new BaselineComparison(baselineRun, List.copyOf(rows), marginPercent);
    }

    public long count(Change change) {
        return rows.stream().filter(r -> r.change() == change).count();
    }

    public long matched() {
        return rows.stream().filter(r -> r.baseline() != null).count();
    }
}
