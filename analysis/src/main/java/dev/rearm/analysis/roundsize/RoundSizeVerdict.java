package dev.rearm.analysis.roundsize;

import dev.rearm.analysis.baseline.Change;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.stats.Estimate;

/**
 * Whether a per-op figure moved between the smallest and the largest round size, judged as the
 * baseline comparison judges two runs: against the equivalence margin, the host's run-to-run
 * variation (±X%), not against a bare CI that excludes 1.
 */
public enum RoundSizeVerdict {
    /** The whole CI of small/large lies within [1 - X%, 1 + X%]. */
    SAME,
    /** The CI excludes 1 and reaches beyond the margin. */
    DIFFERS,
    /** The CI holds 1 but is wider than the margin: neither a difference nor an equivalence is shown. */
    CANNOT_TELL,
    /** A size has fewer than {@link Estimate#FEW_GROUPS} rounds: no between-round spread to judge by. */
    TOO_FEW_ROUNDS;

    public static RoundSizeVerdict of(Estimate smallOverLarge, double marginPercent) {
        if (smallOverLarge.fewGroups()) {
            return TOO_FEW_ROUNDS;
        }
        return switch (Change.of(smallOverLarge, marginPercent)) {
            case WITHIN_VARIATION -> SAME;
            case CHANGED -> DIFFERS;
            default -> CANNOT_TELL;
        };
    }

    /** "same within ±5%", "differs: 1.05x [1.04, 1.06]", "too few rounds to judge", "cannot tell: CI wider than ±5%". */
    public String label(Estimate smallOverLarge, double marginPercent) {
        String margin = Change.margin(marginPercent);
        return switch (this) {
            case SAME -> "same within " + margin;
            case DIFFERS -> "differs: " + Fmt.ratio(smallOverLarge);
            case CANNOT_TELL -> "cannot tell: CI wider than " + margin;
            case TOO_FEW_ROUNDS -> "too few rounds to judge";
        };
    }
}
