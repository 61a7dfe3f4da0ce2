package dev.rearm.analysis.baseline;

import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.stats.Estimate;

/**
 * One speedup of this run beside the same scenario's speedup in the baseline run.
 *
 * @param baseline       null when the baseline did not measure this scenario with this harness
 * @param ratioOfRatios  this speedup / the baseline's, with its 95% CI
 *                       ({@link dev.rearm.analysis.stats.RatioInterval}); null without a baseline figure
 * @param pBeyondMargin  the one-sided p-value that the ratio lies beyond the margin on its side (NaN
 *                       without a measured spread or a baseline figure), the input to Holm's correction
 * @param change         what the ratio of ratios says given the equivalence margin and the other rows
 */
public record BaselineRow(StrategyComparison current, StrategyComparison baseline, Estimate ratioOfRatios,
                          double pBeyondMargin, Change change) {
}
