package dev.rearm.analysis.roundsize;

import dev.rearm.analysis.baseline.Change;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.stats.Estimate;

/**
 * Whether a per-op figure moved between the smallest and the largest round size, by a within-run
 * rule: the sizes run interleaved within one run, so the host's run-to-run variation (the
 * baseline comparison's ±5%) is the wrong yardstick and would call a tight 1.04x "same". The
 * ratio differs when its 95% CI excludes 1; it is the same when the whole CI lies within
 * ±{@link #WITHIN_RUN_MARGIN_PERCENT}%; otherwise the rounds cannot tell.
 */
public enum RoundSizeVerdict {
    /** The CI holds 1 and lies within [1 - M%, 1 + M%]. */
    SAME,
    /** The CI excludes 1: the per-op figure moved with the round size, by the ratio and its CI. */
    DIFFERS,
    /** The CI holds 1 but reaches beyond ±M%: neither a difference nor an equivalence is shown. */
    CANNOT_TELL,
    /** A size has fewer than {@link Estimate#FEW_GROUPS} rounds: no between-round spread to judge by. */
    TOO_FEW_ROUNDS;

    /**
     * M, the within-run margin: a round-size effect within ±2% moves a time-sized headline ratio by
     * less than the 3% its CI may span (the parent pom's budget for per-round overheads), so it
     * cannot change a claim's verdict on its own; a wider margin would pass effects that could.
     */
    public static final double WITHIN_RUN_MARGIN_PERCENT = 2;

    public static RoundSizeVerdict of(Estimate smallOverLarge) {
        if (smallOverLarge.fewGroups()) {
            return TOO_FEW_ROUNDS;
        }
        if (!smallOverLarge.contains(1.0)) {
            return DIFFERS;
        }
        double margin = WITHIN_RUN_MARGIN_PERCENT / 100;
        return smallOverLarge.low() >= 1 - margin && smallOverLarge.high() <= 1 + margin ? SAME : CANNOT_TELL;
    }

    /**
     * "same within ±2%", "differs: 1.04x [1.035, 1.045] (CI excludes 1)", "too few rounds to judge",
     * "cannot tell: CI holds 1 but reaches beyond ±2%".
     */
    public String label(Estimate smallOverLarge) {
        String margin = Change.margin(WITHIN_RUN_MARGIN_PERCENT);
        return switch (this) {
            case SAME -> "same within " + margin;
            case DIFFERS -> "differs: " + Fmt.ratio(smallOverLarge) + " (CI excludes 1)";
            case CANNOT_TELL -> "cannot tell: CI holds 1 but reaches beyond " + margin;
            case TOO_FEW_ROUNDS -> "too few rounds to judge";
        };
    }
}
