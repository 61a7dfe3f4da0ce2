package dev.rearm.analysis.load;

import dev.rearm.analysis.stats.GroupedSample;

/**
 * A benchmark with no strategy: the cost of the cheapest call through one binding
 * (JMH's BindingFloorBenchmark, once per binding: jna, jni), what the JVM and it add to every op.
 */
public record FloorMeasurement(Harness harness, String benchmark, GroupedSample nsPerOp) {
}
