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
 * @param anatomy     trap-anatomy's parts from native.json (empty without them)
 * @param warnings    what makes the run's files disagree with each other (e.g. env.json and native.json's
 *                    env block naming different CPUs or kernels), for the top of the report and the console
 * @param nativeRounds how the native harness sized its rounds, and each scenario's ops per round
 * @param roundSize    the round-size check's figures (round-size.json), {@link RoundSizeData#absent()} without them
 * @param nativeEnvironment native.json's own env block, or null without one (a baseline comparison lists
 *                          where it differs between two runs)
 */
public record Run(Path dir, Environment environment, RunInfo info, List<Measurement> measurements,
                  List<LatencyMeasurement> latencies, List<FloorMeasurement> floors,
                  List<NotMeasured> notMeasured, boolean hasNative, boolean hasJmh, String jmhVersion,
                  String jmhJvm, ProfilerData profiler, List<String> warnings, List<AnatomyPart> anatomy,
                  NativeRounds nativeRounds, RoundSizeData roundSize, Environment nativeEnvironment) {

    /** A run without round-size figures, its native rounds not described. */
    public Run(Path dir, Environment environment, RunInfo info, List<Measurement> measurements,
               List<LatencyMeasurement> latencies, List<FloorMeasurement> floors, List<NotMeasured> notMeasured,
               boolean hasNative, boolean hasJmh, String jmhVersion, String jmhJvm, ProfilerData profiler,
               List<String> warnings, List<AnatomyPart> anatomy) {
        this(dir, environment, info, measurements, latencies, floors, notMeasured, hasNative, hasJmh, jmhVersion, jmhJvm,
                profiler, warnings, anatomy, NativeRounds.unknown(), RoundSizeData.absent(), null);
    }

    /** A run whose files agree with each other, without trap-anatomy figures. */
    public Run(Path dir, Environment environment, RunInfo info, List<Measurement> measurements,
               List<LatencyMeasurement> latencies, List<FloorMeasurement> floors, List<NotMeasured> notMeasured,
               boolean hasNative, boolean hasJmh, String jmhVersion, String jmhJvm, ProfilerData profiler) {
        this(dir, environment, info, measurements, latencies, floors, notMeasured, hasNative, hasJmh, jmhVersion, jmhJvm,
                profiler, List.of(), List.of());
    }

    public boolean has(Harness harness) {
        return harness == Harness.NATIVE ? hasNative : hasJmh;
    }
}
