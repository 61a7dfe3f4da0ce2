package dev.rearm.analysis.claims;

import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.load.Harness;

/**
 * One row of the claim check: one claim, one harness.
 *
 * @param measured the comparison behind the verdict, or null when not measured
 * @param why      one sentence from the cost model and the reopen breakdown
 */
public record ClaimRow(Claim claim, Harness harness, StrategyComparison measured, Verdict verdict, String why) {
}
