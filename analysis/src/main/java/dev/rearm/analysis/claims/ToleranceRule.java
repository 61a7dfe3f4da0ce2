package dev.rearm.analysis.claims;

import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.stats.Estimate;

/**
 * When a "~Kx" claim counts as reproduced. A commit message's "~10x" is a rounded figure, so the
 * claim is read as the band [K / 1.25, K * 1.25] (within a factor 1.25 either way, symmetric on a
 * ratio scale: [8, 12.5] for 10x, [3.2, 5] for 4x). The verdict:
 * <ul>
 *   <li>reproduced: the 95% CI of the measured speedup overlaps the band (the data are
 *       consistent with the claim within its rounding);</li>
 *   <li>not reproduced: the whole CI lies outside the band (above or below);</li>
 *   <li>not measured: the run has no figure for the claim's scenario.</li>
 * </ul>
 * A CI wider than the band itself cannot tell much either way; the explanation says so.
 */
public final class ToleranceRule {
    public static final double FACTOR = 1.25;

    private ToleranceRule() {
    }

    public static double lower(double claimed) {
        return claimed / FACTOR;
    }

    public static double upper(double claimed) {
        return claimed * FACTOR;
    }

    public static Verdict judge(Estimate measured, double claimed) {
        if (measured == null) {
            return Verdict.NOT_MEASURED;
        }
        boolean overlaps = measured.high() >= lower(claimed) && measured.low() <= upper(claimed);
        return overlaps ? Verdict.REPRODUCED : Verdict.NOT_REPRODUCED;
    }

    /** True when the interval is wider than the band (hi/lo above FACTOR squared). */
    public static boolean tooWideToTell(Estimate measured) {
        return measured.spreadFactor() > FACTOR * FACTOR;
    }

    public static String band(double claimed) {
        return "[" + Fmt.significant(lower(claimed)) + ", " + Fmt.significant(upper(claimed)) + "]";
    }

    /** The rule in one paragraph, for the report. */
    public static String describe() {
        return "A claim of ~Kx is read as the band [K/" + FACTOR + ", K*" + FACTOR + "] (" + band(10) + " for 10x, "
                + band(4) + " for 4x). It is *reproduced* when the 95% CI of the measured speedup overlaps the band, "
                + "*not reproduced* when the whole CI lies outside it, and *not measured* when the run has no "
                + "figure for the claim's scenario.";
    }
}
