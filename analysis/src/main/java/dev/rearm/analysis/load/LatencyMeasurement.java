package dev.rearm.analysis.load;

import dev.rearm.analysis.stats.LatencyHistogram;

/** Single-op times of one strategy in one scenario (JMH SampleTime mode), all forks merged. */
public record LatencyMeasurement(Harness harness, String source, ScenarioKey key, LatencyHistogram histogram) {
}
