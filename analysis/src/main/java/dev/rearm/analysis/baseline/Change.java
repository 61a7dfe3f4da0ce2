package dev.rearm.analysis.baseline;

import dev.rearm.analysis.stats.Estimate;
import java.util.Locale;

/**
 * What a ratio of ratios (this run's speedup / the baseline's) says, given the host's run-to-run
 * variation (the equivalence margin, ±X%). A within-run CI is honest for runs made back to back,
 * but runs made on different days on a shared host differ by more than it allows: a CI that
 * excludes 1 is not yet a change when the whole CI lies within the margin.
 */
public enum Change {
    /** The whole CI lies within [1 - X%, 1 + X%]. */
    WITHIN_VARIATION,
    /** The CI excludes 1 and reaches beyond the margin. */
    CHANGED,
    /** The CI holds 1 but is wider than the margin: neither a change nor an equivalence is shown. */
    NOT_SHOWN,
    /** The baseline has no figure for the scenario. */
    NOT_COMPARED;

    public static Change of(Estimate ratioOfRatios, double marginPercent) {
        if (ratioOfRatios == null) {
            return NOT_COMPARED;
        }
        double margin = marginPercent / 100;
        if (ratioOfRatios.low() >= 1 - margin && ratioOfRatios.high() <= 1 + margin) {
            return WITHIN_VARIATION;
        }
        return ratioOfRatios.contains(1.0) ? NOT_SHOWN : CHANGED;
    }

    /** "±5%", "±2.5%": the margin as the report writes it. */
    public static String margin(double marginPercent) {
        String number = String.format(Locale.ROOT, "%.3g", marginPercent);
        return "±" + (number.contains(".") ? number.replaceAll("\\.?0+$", "") : number) + "%";
    }

    /** The words the report uses, e.g. "within run-to-run variation (±5% on this host)". */
    public String label(double marginPercent) {
        String margin = margin(marginPercent);
        return switch (this) {
            case WITHIN_VARIATION -> "within run-to-run variation (" + margin + " on this host)";
            case CHANGED -> "changed (beyond " + margin + ")";
            case NOT_SHOWN -> "no change shown (CI wider than " + margin + ")";
            case NOT_COMPARED -> "—";
        };
    }
}
