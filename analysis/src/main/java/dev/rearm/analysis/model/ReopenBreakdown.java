package dev.rearm.analysis.model;

import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a reopen's time goes: the native harness's separate phase pass (munmap, close, open,
 * fcntl, mmap, mean ns each), per scenario.
 */
public record ReopenBreakdown(Scenario scenario, Map<String, Double> phasesNs) {

    public double totalNs() {
        return phasesNs.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The phase that takes longest. */
    public Map.Entry<String, Double> largestPhase() {
        return phasesNs.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    }

    /** Every reopen scenario with phases, one per scenario (the first in the file), by pages then the rest. */
    public static List<ReopenBreakdown> all(List<Measurement> measurements) {
        List<ReopenBreakdown> breakdowns = new ArrayList<>();
        for (Measurement measurement : measurements) {
            if (measurement.harness() == Harness.NATIVE && ScenarioKey.REOPEN.equals(measurement.key().strategy())
                    && !measurement.phasesNs().isEmpty()
                    && breakdowns.stream().noneMatch(b -> b.scenario().equals(measurement.key().scenario()))) {
                breakdowns.add(new ReopenBreakdown(measurement.key().scenario(), measurement.phasesNs()));
            }
        }
        breakdowns.sort(Comparator.comparingInt((ReopenBreakdown b) -> b.scenario().pages())
                .thenComparing(b -> b.scenario().label()));
        return List.copyOf(breakdowns);
    }

    /** The breakdown at the headline scenario (never trapping), if the run timed it. */
    public static Optional<ReopenBreakdown> headline(List<Measurement> measurements) {
        return all(measurements).stream().filter(b -> b.scenario().equals(Scenario.HEADLINE)).findFirst();
    }
}
