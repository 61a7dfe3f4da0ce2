package dev.rearm.analysis.stats;

/**
 * "Is there a difference at all" between two strategies' ns/op: Welch's t-test and the
 * Mann-Whitney U test, both two-sided.
 *
 * @param unit             what one observation is: "rounds", "fork means" or "iterations"
 * @param mannWhitneyExact true when the p is from U's exact distribution, false for the normal approximation
 */
public record DifferenceTest(String unit, int countA, int countB, double welchT, double welchDf, double welchP,
                             double mannWhitneyU, double mannWhitneyP, boolean mannWhitneyExact) {
}
