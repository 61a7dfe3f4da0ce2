package dev.rearm.analysis;

import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.GroupedSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds measurements for tests that construct a case instead of loading a file. */
public final class Measurements {
    private Measurements() {
    }

    /** Native rounds, every one exactly {@code nsPerOp}. */
    public static Measurement exact(String strategy, Scenario scenario, double nsPerOp) {
        return rounds(strategy, scenario, nsPerOp, nsPerOp, nsPerOp, nsPerOp);
    }

    /** JMH forks, each its own process, one fork mean per value. */
    public static Measurement forks(String strategy, Scenario scenario, double... forkMeans) {
        List<double[]> forks = new ArrayList<>();
        for (double mean : forkMeans) {
            forks.add(new double[] {mean});
        }
        return new Measurement(Harness.JMH, "HeadlineBenchmark", new ScenarioKey(strategy, scenario),
                GroupedSample.of(forks), null, Map.of());
    }

    public static Measurement rounds(String strategy, Scenario scenario, double... nsPerOp) {
        return new Measurement(Harness.NATIVE, "native", new ScenarioKey(strategy, scenario),
                GroupedSample.ofSingles(nsPerOp), null, Map.of());
    }
}
