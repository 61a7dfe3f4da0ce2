package dev.rearm.analysis.load;

import dev.rearm.analysis.stats.GroupedSample;
import java.util.Map;

/**
 * One strategy measured in one scenario by one harness: ns/op per round (native) or per fork and
 * iteration (JMH).
 *
 * @param source   where in the harness it came from: the JMH benchmark class (e.g.
 *                 "RingPagesBenchmark"), or "native" (or the native matrix, when the file names one)
 * @param traps    the trap accounting, or null when the file has none (JMH keeps it to itself)
 * @param phasesNs mean ns per phase of one reopen (munmap, close, open, fcntl, mmap), in file order;
 *                 empty when the strategy has no phases or the harness did not time them
 */
public record Measurement(Harness harness, String source, ScenarioKey key, GroupedSample nsPerOp,
                          Traps traps, Map<String, Double> phasesNs) {
}
