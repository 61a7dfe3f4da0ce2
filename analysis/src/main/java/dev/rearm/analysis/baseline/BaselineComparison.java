package dev.rearm.analysis.baseline;

import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.RatioInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * This run against another (another kernel, machine or commit): every speedup beside the
 * baseline's for the same harness and scenario (the same source preferred), and the ratio of the
 * two with a t interval over all four samples ({@link dev.rearm.analysis.stats.RatioInterval}).
 *
 * <p>A comparison holds ~70 rows: at a 2.5% one-sided level each, a few would come out "changed" by
 * chance alone. So "changed" also needs Holm's step-down correction over the rows' p-values
 * (each the one-sided t test that the ratio lies beyond the margin): the chance of any false
 * "changed" row across the comparison stays at or below {@link #FAMILY_ALPHA}.
 */
public record BaselineComparison(Run baselineRun, List<BaselineRow> rows, double marginPercent) {

    /**
     * The equivalence margin when none is given, in percent: {@link AaMargin} on the A/A pair
     * 2026-12-06-default-a and -b (one build, one machine, an hour apart), the 95th percentile of
     * |speedup B / speedup A - 1| over their 76 shared rows (16.5%), rounded up; analysis/README.md
     * gives the method, the figures and the command. The report always states the margin it used.
     */
    public static final String DEFAULT_MARGIN = "17";

    /** {@link #DEFAULT_MARGIN} as a number (the text is what the command line's default needs). */
    public static final double DEFAULT_MARGIN_PERCENT = Double.parseDouble(DEFAULT_MARGIN);

    /**
     * The family-wise error rate of "changed" across a comparison: one-sided 2.5%, so that with one
     * row Holm's rule is exactly "the whole 95% CI lies beyond the margin".
     */
    public static final double FAMILY_ALPHA = 0.025;

    public static BaselineComparison of(Run baselineRun, Comparisons current, Comparisons baseline) {
        return of(baselineRun, current, baseline, DEFAULT_MARGIN_PERCENT);
    }

    /** @param marginPercent differences whose CI lies within ±this many percent are run-to-run variation */
    public static BaselineComparison of(Run baselineRun, Comparisons current, Comparisons baseline,
                                        double marginPercent) {
        double margin = marginPercent / 100;
        List<BaselineRow> rows = new ArrayList<>();
        for (StrategyComparison now : current.all()) {
            Optional<StrategyComparison> then = baseline.find(now.harness(), now.scenario(), now.source());
            if (then.isEmpty()) {
                rows.add(new BaselineRow(now, null, null, Double.NaN, Change.NOT_COMPARED));
                continue;
            }
            RatioInterval.LogStatistic ratio = RatioInterval.ratioOfRatiosOnLogScale(now.reopen().nsPerOp(),
                    now.modify().nsPerOp(), then.get().reopen().nsPerOp(), then.get().modify().nsPerOp());
            Estimate estimate = ratio.estimate();
            Change change = Change.of(estimate, marginPercent);
            double p = change.noVerdict() ? Double.NaN : ratio.pBeyond(1 - margin, 1 + margin);
            rows.add(new BaselineRow(now, then.get(), estimate, p, change));
        }
        return new BaselineComparison(baselineRun, holm(rows), marginPercent);
    }

    /**
     * Holm's step-down over the rows that were tested (those with a verdict): sorted by p, the i-th
     * smallest (from 0) stays "changed" while p * (tested - i) is at most FAMILY_ALPHA; from the
     * first that fails, every later "changed" row becomes {@link Change#NOT_CONFIRMED}.
     */
    static List<BaselineRow> holm(List<BaselineRow> rows) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (Double.isFinite(rows.get(i).pBeyondMargin())) {
                tested.add(i);
            }
        }
        tested.sort(Comparator.comparingDouble(i -> rows.get(i).pBeyondMargin()));
        List<BaselineRow> out = new ArrayList<>(rows);
        boolean rejecting = true;
        for (int rank = 0; rank < tested.size(); rank++) {
            BaselineRow row = rows.get(tested.get(rank));
            rejecting = rejecting && row.pBeyondMargin() * (tested.size() - rank) <= FAMILY_ALPHA;
            if (!rejecting && row.change() == Change.CHANGED) {
                out.set(tested.get(rank), new BaselineRow(row.current(), row.baseline(), row.ratioOfRatios(),
                        row.pBeyondMargin(), Change.NOT_CONFIRMED));
            }
        }
        return List.copyOf(out);
    }

    /** How many rows were tested for a change (had a verdict): the family Holm's correction runs over. */
    public long tested() {
        return rows.stream().filter(r -> Double.isFinite(r.pBeyondMargin())).count();
    }

    public long count(Change change) {
        return rows.stream().filter(r -> r.change() == change).count();
    }

    public long matched() {
        return rows.stream().filter(r -> r.baseline() != null).count();
    }
}
