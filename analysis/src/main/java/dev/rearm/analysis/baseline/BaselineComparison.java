package dev.rearm.analysis.baseline;

import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.stats.RatioInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This run against another (another kernel, machine or commit): every speedup beside the
 * baseline's for the same harness and scenario (the same source preferred), and the ratio of the
 * two with a t interval over all four samples ({@link dev.rearm.analysis.stats.RatioInterval}).
 */
public record BaselineComparison(Run baselineRun, List<BaselineRow> rows) {

    public static BaselineComparison of(Run baselineRun, Comparisons current, Comparisons baseline) {
        List<BaselineRow> rows = new ArrayList<>();
        for (StrategyComparison now : current.all()) {
            Optional<StrategyComparison> then = baseline.find(now.harness(), now.scenario(), now.source());
            if (then.isEmpty()) {
                rows.add(new BaselineRow(now, null, null));
                continue;
            }
            rows.add(new BaselineRow(now, then.get(), RatioInterval.ratioOfRatios(now.reopen().nsPerOp(), now.modify().nsPerOp(),
                    then.get().reopen().nsPerOp(), then.get().modify().nsPerOp())));
        }
        return new BaselineComparison(baselineRun, List.copyOf(rows));
    }

    public long matched() {
        return rows.stream().filter(r -> r.baseline() != null).count();
    }
}
