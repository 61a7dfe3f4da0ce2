package dev.rearm.analysis.compare;

import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.DifferenceTests;
import dev.rearm.analysis.stats.RatioInterval;
import dev.rearm.analysis.stats.SampleSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every reopen/modify pair of a run, joined on the scenario keys within one harness and one
 * source (a JMH class, a native matrix): the same scenario may be measured by several JMH classes
 * (the headline one also appears in the trap-rate and ring-pages sweeps), and each keeps its own
 * figures. Lookups take a list of preferred sources and fall back to any source.
 */
public final class Comparisons {
    private final List<StrategyComparison> all;

    private Comparisons(List<StrategyComparison> all) {
        this.all = all;
    }

    public static Comparisons of(List<Measurement> measurements) {
        Map<String, Measurement[]> pairs = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            int side = sideOf(measurement.key().strategy());
            if (side < 0) {
                continue;
            }
            String pairKey = measurement.harness() + "|" + measurement.source() + "|" + measurement.key().scenario();
            Measurement[] pair = pairs.computeIfAbsent(pairKey, k -> new Measurement[2]);
            if (pair[side] == null) {
                pair[side] = measurement;
            }
        }
        List<StrategyComparison> comparisons = new ArrayList<>();
        for (Measurement[] pair : pairs.values()) {
            if (pair[0] == null || pair[1] == null) {
                continue;
            }
            Measurement reopen = pair[0];
            Measurement modify = pair[1];
            comparisons.add(new StrategyComparison(reopen.harness(), reopen.source(), reopen.key().scenario(), reopen,
                    modify, SampleSummary.of(reopen.nsPerOp()), SampleSummary.of(modify.nsPerOp()),
                    RatioInterval.ratio(reopen.nsPerOp(), modify.nsPerOp()),
                    DifferenceTests.compare(reopen.nsPerOp(), modify.nsPerOp())));
        }
        return new Comparisons(List.copyOf(comparisons));
    }

    private static int sideOf(String strategy) {
        return switch (strategy) {
            case ScenarioKey.REOPEN -> 0;
            case ScenarioKey.MODIFY -> 1;
            default -> -1;
        };
    }

    public List<StrategyComparison> all() {
        return all;
    }

    public List<StrategyComparison> of(Harness harness) {
        return all.stream().filter(c -> c.harness() == harness).toList();
    }

    /** Every source's comparison of this scenario in this harness, in file order. */
    public List<StrategyComparison> allOf(Harness harness, Scenario scenario) {
        return all.stream().filter(c -> c.harness() == harness && c.scenario().equals(scenario)).toList();
    }

    /** The comparison of this scenario from the first preferred source that has it, else any source. */
    public Optional<StrategyComparison> find(Harness harness, Scenario scenario, String... preferredSources) {
        for (String source : preferredSources) {
            for (StrategyComparison comparison : all) {
                if (comparison.harness() == harness && comparison.source().equals(source)
                        && comparison.scenario().equals(scenario)) {
                    return Optional.of(comparison);
                }
            }
        }
        return all.stream().filter(c -> c.harness() == harness && c.scenario().equals(scenario)).findFirst();
    }

    /**
     * The comparisons whose scenario is in the sweep, one per scenario, each taken from the
     * sweep's preferred source when that has it.
     */
    public List<StrategyComparison> sweep(Harness harness, Sweep sweep) {
        String[] preferred = sweep.preferredSources().toArray(String[]::new);
        Map<Scenario, StrategyComparison> chosen = new LinkedHashMap<>();
        for (StrategyComparison comparison : all) {
            if (comparison.harness() == harness && sweep.contains(comparison.scenario())) {
                chosen.putIfAbsent(comparison.scenario(), find(harness, comparison.scenario(), preferred).orElseThrow());
            }
        }
        return List.copyOf(chosen.values());
    }
}
