package dev.rearm.analysis.claims;

import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.stats.Estimate;

/**
 * When a "~Kx" claim counts as reproduced. A commit message's "~10x" is a rounded figure, so the
 * claim is read as the band [K / 1.25, K * 1.25] (within a factor 1.25 either way, symmetric on a
 * ratio scale: [8, 12.5] for 10x, [3.2, 5] for 4x). The verdict:
 * <ul>
 *   <li>reproduced: the whole 95% CI lies inside the band (a point in the band with a CI reaching
 *       out of it is not enough: 10x [4, 25] says nothing about 10x);</li>
 *   <li>not reproduced: the whole CI lies outside the band (above or below);</li>
 *   <li>inconclusive: the CI straddles an edge of the band (12.6x [12.1, 13.1] for ~10x);</li>
 *   <li>too few forks/rounds to judge: the figure rests on fewer than 3 JMH forks or native rounds
 *       (1 fork gives a zero-width "interval", 2 a nearly useless one); the figure is still shown;</li>
 *   <li>within-process interval only: the groups are rounds of one process, so the interval never
 *       sampled what another run gives (today's native figures);</li>
 *   <li>no spread measured: a zero-width interval at 3 or more groups is no measurement of variation;</li>
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
        if (measured.fewProcesses()) {
            return Verdict.ONE_PROCESS;
        }
        if (measured.noSpread()) {
            return Verdict.NO_SPREAD;
        }
        if (measured.low() >= lower(claimed) && measured.high() <= upper(claimed)) {
            return Verdict.REPRODUCED;
        }
        if (measured.high() < lower(claimed) || measured.low() > upper(claimed)) {
            return Verdict.NOT_REPRODUCED;
        }
        return Verdict.INCONCLUSIVE;
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
                + band(4) + " for 4x). It is *reproduced* only when the whole 95% CI of the measured speedup lies "
                + "inside the band, *not reproduced* when the whole CI lies outside it, and *inconclusive* when the CI "
                + "straddles an edge of the band. Three cases get no verdict: *too few forks/rounds to judge* when the "
                + "figure rests on fewer than " + Estimate.FEW_GROUPS + " JMH forks or native rounds, *within-process "
                + "interval only* when its rounds come from one process, so the interval never sampled what another "
                + "run of the suite gives (every native figure until the harness runs several processes), and *no "
                + "spread measured* when the interval has no width. A figure is *not measured* when the run has no "
                + "figure for the claim's scenario.";
    }
}
