package dev.rearm.analysis.format;

import dev.rearm.analysis.stats.Estimate;
import java.util.Locale;

/** How numbers read everywhere in the report and on the console (one place, so they agree). */
public final class Fmt {
    private Fmt() {
    }

    /** A duration from ns, in the unit that keeps it short: "850 ns", "2.05 µs", "19.3 µs", "1.24 ms". */
    public static String time(double ns) {
        if (!Double.isFinite(ns)) {
            return "n/a";
        }
        double magnitude = Math.abs(ns);
        if (magnitude < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (magnitude < 1_000_000) {
            return significant(ns / 1_000) + " µs";
        }
        if (magnitude < 1_000_000_000) {
            return significant(ns / 1_000_000) + " ms";
        }
        return significant(ns / 1_000_000_000) + " s";
    }

    /** ns as µs with three significant figures, for tables whose column header says µs. */
    public static String micros(double ns) {
        return Double.isFinite(ns) ? significant(ns / 1_000) : "n/a";
    }

    /** A ratio: "9.52x". */
    public static String ratio(double value) {
        return Double.isFinite(value) ? significant(value) + "x" : "n/a";
    }

    /** Marks an interval that rests on fewer than {@link Estimate#FEW_GROUPS} rounds or forks. */
    public static final String FEW_GROUPS_MARK = "‡";

    /**
     * Marks an interval whose groups are rounds of one process (or of fewer than {@link Estimate#FEW_GROUPS}):
     * a within-process interval, which no verdict rests on.
     */
    public static final String WITHIN_PROCESS_MARK = "†";

    /**
     * A ratio with its interval: "9.52x [9.31, 9.74]", with a trailing mark when it rests on too few
     * groups (‡) or on rounds of too few processes (†).
     */
    public static String ratio(Estimate estimate) {
        return ratio(estimate.point()) + " [" + significant(estimate.low()) + ", " + significant(estimate.high()) + "]"
                + (estimate.fewGroups() ? " " + FEW_GROUPS_MARK
                : estimate.fewProcesses() ? " " + WITHIN_PROCESS_MARK : "");
    }

    /** A signed percentage: "+3.1%". */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%+.1f%%", fraction * 100) : "n/a";
    }

    /** A p-value: "< 0.0001" or three significant figures. */
    public static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "n/a";
        }
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.3g", p);
    }

    /** Three significant figures, without an exponent for the values a benchmark report holds. */
    public static String significant(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /** A value or "unknown" when a file did not say. */
    public static String orUnknown(Object value) {
        return value == null || value.toString().isBlank() ? "unknown" : value.toString();
    }
}
