package dev.rearm.analysis.claims;

import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.stats.Estimate;

/**
 * When a "~Kx" claim counts as reproduced. A commit message's "~10x" is a rounded figure, so the
 * claim is read as the band [K / 1.25, K * 1.25] (within a factor 1.25 either way, symmetric on a
 * ratio scale: [8, 12.5] for 10x, [3.2, 5] for 4x). The verdict:
 * <ul>
 *   <li>reproduced: the point estimate lies in the band and so does part of its 95% CI (the data
 *       are consistent with the claim within its rounding);</li>
 *   <li>not reproduced: the whole CI lies outside the band (above or below);</li>
 *   <li>inconclusive: the point estimate lies outside the band but the CI still reaches into it
 *       (a wide interval must not count as a reproduction: 15x [7.6, 29] says little about 10x);</li>
 *   <li>too few forks/rounds to judge: the figure rests on fewer than 3 JMH forks or native rounds
 *       (1 fork gives a zero-width "interval", 2 a nearly useless one); the figure is still shown;</li>
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
        if (measured.fewGroups()) {
            return Verdict.TOO_FEW_GROUPS;
        }
        boolean overlaps = measured.high() >= lower(claimed) && measured.low() <= upper(claimed);
        if (!overlaps) {
            return Verdict.NOT_REPRODUCED;
        }
        boolean pointInBand = measured.point() >= lower(claimed) && measured.point() <= upper(claimed);
        return pointInBand ? Verdict.REPRODUCED : Verdict.INCONCLUSIVE;
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
                + band(4) + " for 4x). It is *reproduced* when the measured speedup lies in the band, "
                + "*not reproduced* when its whole 95% CI lies outside the band, *inconclusive* when the speedup lies "
                + "outside the band but its CI reaches into it, *too few forks/rounds to judge* when the figure rests "
                + "on fewer than " + Estimate.FEW_GROUPS + " JMH forks or native rounds, and *not measured* when the "
                + "run has no figure for the claim's scenario.";
    }
}
