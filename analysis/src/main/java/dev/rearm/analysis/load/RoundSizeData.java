package dev.rearm.analysis.load;

import dev.rearm.analysis.stats.GroupedSample;
import java.util.List;

/**
 * What {@code perfbp-bench round-size} measured (round-size.json): the same scenarios at several
 * fixed round sizes, one figure per round at each size, so the analysis can tell whether a per-op
 * figure moves with the round size.
 *
 * @param present whether the run folder has round-size.json
 * @param sizes   the ops per round it tried, in the file's order
 */
public record RoundSizeData(boolean present, List<Long> sizes, List<SizedScenario> scenarios) {

    public static final String FILE = "round-size.json";

    public RoundSizeData {
        sizes = List.copyOf(sizes);
        scenarios = List.copyOf(scenarios);
    }

    public static RoundSizeData absent() {
        return new RoundSizeData(false, List.of(), List.of());
    }

    /** One scenario and strategy at every size, and how many liveness checks proved its watchpoint live. */
    public record SizedScenario(ScenarioKey key, List<AtSize> bySize, long livenessChecks) {
        public SizedScenario {
            bySize = List.copyOf(bySize);
        }
    }

    /** ns per op of each round at one round size. */
    public record AtSize(long opsPerRound, GroupedSample nsPerOp) {
    }
}
