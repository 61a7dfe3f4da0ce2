package dev.rearm.analysis.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a run folder: {@code env.json}, {@code native.json}, {@code jmh.json} and the optional
 * {@code round-size.json} and
 * {@code run.json}. A file that is there must be whole and of the right kind, or the load fails
 * with one line naming it. A harness file that is absent makes that harness "not measured"; a
 * folder with neither harness file is refused unless its run.json lists what could not run
 * (a machine that refused everything). Nothing in the folder is ever written.
 */
public final class RunLoader {
    public static final String ENV_FILE = "env.json";

    private RunLoader() {
    }

    public static Run load(Path dir) throws BadInputException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such run folder; expected a folder holding env.json, "
                    + "native.json and/or jmh.json (e.g. results/latest after 'mvn verify')");
        }
        Path nativeFile = dir.resolve(Harness.NATIVE.fileName());
        Path jmhFile = dir.resolve(Harness.JMH.fileName());
        boolean hasNative = Files.exists(nativeFile);
        boolean hasJmh = Files.exists(jmhFile);
        RunInfo info = RunInfoLoader.load(dir);
        // A machine that refused everything still gets a report, when run.json says why nothing ran.
        if (!hasNative && !hasJmh && info.notRun().isEmpty()) {
            throw new BadInputException(dir + ": neither native.json nor jmh.json is there; expected a run "
                    + "folder written by 'mvn verify' (or by perfbp-bench --out / JMH -rf json)");
        }

        List<Measurement> measurements = new ArrayList<>();
        List<LatencyMeasurement> latencies = new ArrayList<>();
        List<FloorMeasurement> floors = new ArrayList<>();
        List<NotMeasured> notMeasured = new ArrayList<>();
        Environment nativeEnvironment = null;
        ProfilerData profiler = ProfilerData.none();
        NativeRounds nativeRounds = NativeRounds.unknown();
        JsonNode anatomy = MissingNode.getInstance();
        String jmhVersion = null;
        String jmhJvm = null;

        if (hasNative) {
            NativeLoader.Loaded loaded = NativeLoader.load(nativeFile);
            measurements.addAll(loaded.measurements());
            notMeasured.addAll(loaded.notMeasured());
            nativeEnvironment = loaded.environment();
            profiler = loaded.profiler();
            nativeRounds = loaded.rounds();
            anatomy = loaded.anatomy();
        } else {
            notMeasured.add(new NotMeasured(Harness.NATIVE.label(), "every native scenario",
                    "native.json is not in " + dir));
        }
        if (hasJmh) {
            JmhLoader.Loaded loaded = JmhLoader.load(jmhFile);
            measurements.addAll(loaded.measurements());
            latencies.addAll(loaded.latencies());
            floors.addAll(loaded.floors());
            notMeasured.addAll(loaded.notMeasured());
            jmhVersion = loaded.jmhVersion();
            jmhJvm = loaded.jvm();
        } else {
            notMeasured.add(new NotMeasured(Harness.JMH.label(), "every JMH benchmark", "jmh.json is not in " + dir));
        }

        Path envFile = dir.resolve(ENV_FILE);
        Environment environment;
        List<String> warnings = new ArrayList<>();
        if (Files.exists(envFile)) {
            environment = EnvironmentLoader.fromFile(envFile);
            if (nativeEnvironment != null) {
                warnings.addAll(EnvironmentMismatch.between(environment, nativeEnvironment));
            }
        } else if (nativeEnvironment != null) {
            environment = nativeEnvironment;
        } else {
            environment = Environment.unknown("no env.json in " + dir);
        }
        EmulatedCpu.warning(environment).ifPresent(warning -> warnings.add(0, warning));
        notMeasured.addAll(info.notRun());
        return new Run(dir, environment, info, List.copyOf(measurements), List.copyOf(latencies), List.copyOf(floors),
                List.copyOf(notMeasured), hasNative, hasJmh, jmhVersion, jmhJvm, profiler, List.copyOf(warnings),
                AnatomyLoader.parts(nativeFile, anatomy), nativeRounds, RoundSizeLoader.read(dir),
                nativeEnvironment);
    }
}
