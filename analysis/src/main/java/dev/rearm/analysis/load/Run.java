package dev.rearm.analysis.load;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run folder holds, loaded and checked.
 *
 * @param notMeasured what the run did not measure and why (missing files, scenarios marked not run,
 *                    failed premises, run.json's notRun list)
 * @param jmhVersion  from jmh.json, or null without it
 * @param jmhJvm      the JVM JMH forked, from jmh.json, or null
 * @param profiler    the native profiler matrix's runs ({@link ProfilerData#none()} without them)
 */
public record Run(Path dir, Environment environment, RunInfo info, List<Measurement> measurements,
                  List<LatencyMeasurement> latencies, List<FloorMeasurement> floors,
                  List<NotMeasured> notMeasured, boolean hasNative, boolean hasJmh, String jmhVersion,
                  String jmhJvm, ProfilerData profiler) {

    public boolean has(Harness harness) {
        return harness == Harness.NATIVE ? hasNative : hasJmh;
    }
}
