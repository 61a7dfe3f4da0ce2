package dev.rearm.analysis;

import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.load.Scenario;
import java.util.List;

/**
 * Builds the headline scenario's reopen-against-modify comparison from hand-picked ns/op, for
 * tests that compare one run with another: {@code forks(reopen(...), modify(...))}.
 */
public final class HeadlineComparisons {
    private HeadlineComparisons() {
    }

    /** Each value one JMH fork's mean: a side of three or more forks can get a verdict. */
    public static Comparisons forks(double[] reopen, double[] modify) {
        return Comparisons.of(List.of(Measurements.forks("reopen", Scenario.HEADLINE, reopen),
                Measurements.forks("modify", Scenario.HEADLINE, modify)));
    }

    /** Each value one round of a single native process: never a verdict, one process says nothing of another. */
    public static Comparisons rounds(double[] reopen, double[] modify) {
        return Comparisons.of(List.of(Measurements.rounds("reopen", Scenario.HEADLINE, reopen),
                Measurements.rounds("modify", Scenario.HEADLINE, modify)));
    }

    /** Names the reopen side's values where they are written. */
    public static double[] reopen(double... nsPerOp) {
        return nsPerOp;
    }

    /** Names the modify side's values where they are written. */
    public static double[] modify(double... nsPerOp) {
        return nsPerOp;
    }
}
