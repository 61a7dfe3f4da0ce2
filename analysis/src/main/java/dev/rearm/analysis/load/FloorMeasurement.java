package dev.rearm.analysis.load;

import dev.rearm.analysis.stats.GroupedSample;

/**
 * A benchmark with no strategy: the cost of the cheapest call through the same binding
 * (JMH's BindingFloorBenchmark), what the JVM and JNA add to every op.
 */
public record FloorMeasurement(Harness harness, String benchmark, GroupedSample nsPerOp) {
}
