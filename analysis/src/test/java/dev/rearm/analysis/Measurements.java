package dev.rearm.analysis;

import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.GroupedSample;
import java.util.Map;

/** Builds measurements for tests that construct a case instead of loading a file. */
public final class Measurements {
    private Measurements() {
    }

    /** Native rounds, every one exactly {@code nsPerOp}. */
    public static Measurement exact(String strategy, Scenario scenario, double nsPerOp) {
        return rounds(strategy, scenario, nsPerOp, nsPerOp, nsPerOp, nsPerOp);
    }

    public static Measurement rounds(String strategy, Scenario scenario, double... nsPerOp) {
        return new Measurement(Harness.NATIVE, "native", new ScenarioKey(strategy, scenario),
                GroupedSample.ofSingles(nsPerOp), null, Map.of());
    }
}
