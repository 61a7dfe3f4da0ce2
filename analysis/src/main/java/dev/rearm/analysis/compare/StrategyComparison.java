package dev.rearm.analysis.compare;

import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.stats.DifferenceTest;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.SampleSummary;

/**
 * reopen against modify in one scenario, as one harness (and one JMH class) measured them.
 *
 * @param speedup mean ns/op of reopen over that of modify, with its 95% CI
 *                ({@link dev.rearm.analysis.stats.RatioInterval})
 * @param test    Welch and Mann-Whitney, or null when a side has fewer than two observations
 */
public record StrategyComparison(Harness harness, String source, Scenario scenario, Measurement reopen,
                                 Measurement modify, SampleSummary reopenSummary, SampleSummary modifySummary,
                                 Estimate speedup, DifferenceTest test) {

    /** Names this comparison's rows: harness, source and scenario. */
    public String label() {
        return harness.label() + " " + source + " " + scenario.label();
    }
}
