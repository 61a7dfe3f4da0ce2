package dev.rearm.analysis.baseline;

import dev.rearm.analysis.stats.Estimate;
import java.util.Locale;

/**
 * What a ratio of ratios (this run's speedup / the baseline's) says, given the host's run-to-run
 * variation (the equivalence margin, ±X%). A within-run CI is honest for runs made back to back,
 * but runs made on different days on a shared host differ by more than it allows: a CI that
 * excludes 1 is a change only when the whole CI lies beyond the margin.
 *
 * <p>No verdict either way (neither "changed" nor "within variation") rests on fewer than 3 groups
 * on either side, on rounds of one process, or on a zero-width interval: none of them measured
 * what another run gives.
 */
public enum Change {
    /** The whole CI lies within [1 - X%, 1 + X%]. */
    WITHIN_VARIATION,
    /** The whole CI lies beyond the margin, and the row survives Holm's correction across the comparison. */
    CHANGED,
    /** The whole CI lies beyond the margin, but not after Holm's correction across the comparison's rows. */
    NOT_CONFIRMED,
    /** The CI excludes 1 but reaches inside the margin: a difference, not shown to exceed run-to-run variation. */
    BELOW_MARGIN,
    /** The CI holds 1 but is wider than the margin: neither a change nor an equivalence is shown. */
    NOT_SHOWN,
    /** Fewer than 3 forks or rounds on either side. */
    TOO_FEW_GROUPS,
    /** Rounds of one process on either side: a within-process interval, not a rerun's. */
    ONE_PROCESS,
    /** A zero-width interval at 3 or more groups: no variation measured. */
    NO_SPREAD,
    /** The baseline has no figure for the scenario. */
    NOT_COMPARED;

    /** The verdict from the row's own interval (before any correction across rows). */
    public static Change of(Estimate ratioOfRatios, double marginPercent) {
        if (ratioOfRatios == null) {
            return NOT_COMPARED;
        }
        if (ratioOfRatios.fewGroups()) {
            return TOO_FEW_GROUPS;
        }
        if (ratioOfRatios.fewProcesses()) {
            return ONE_PROCESS;
        }
        if (ratioOfRatios.noSpread()) {
            return NO_SPREAD;
        }
        double margin = marginPercent / 100;
        if (ratioOfRatios.low() >= 1 - margin && ratioOfRatios.high() <= 1 + margin) {
            return WITHIN_VARIATION;
        }
        if (ratioOfRatios.low() > 1 + margin || ratioOfRatios.high() < 1 - margin) {
            return CHANGED;
        }
        return ratioOfRatios.contains(1.0) ? NOT_SHOWN : BELOW_MARGIN;
    }

    /** True for the rows that get no verdict at all (too few groups, one process, no spread, no baseline). */
    public boolean noVerdict() {
        return this == TOO_FEW_GROUPS || this == ONE_PROCESS || this == NO_SPREAD || this == NOT_COMPARED;
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
            case NOT_CONFIRMED -> "beyond " + margin + " in its own CI, not after Holm's correction across the rows";
            case BELOW_MARGIN -> "a difference below the margin (CI excludes 1 but reaches inside " + margin + ")";
            case NOT_SHOWN -> "no change shown (CI wider than " + margin + ")";
            case TOO_FEW_GROUPS -> "too few forks/rounds to tell";
            case ONE_PROCESS -> "within-process interval only: no verdict";
            case NO_SPREAD -> "no spread measured: no verdict";
            case NOT_COMPARED -> "—";
        };
    }
}
