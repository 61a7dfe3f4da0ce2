package dev.rearm.pipeline;

import dev.rearm.jmh.benchmarks.RearmBenchmark;
import dev.rearm.perf.linux.Binding;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Phase integration-test: probe -> env.json, native harness -> native.json, JMH -> jmh.json,
 * all into a fresh staging folder beside the target. The target is not touched here.
 */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = "Probe, native harness and JMH into a new staging folder beside --out.")
final class MeasureCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Where the run is published when complete (bench.out).")
    Path out;
    @Option(names = "--profile", defaultValue = "default", description = "The Maven profile's name, for run.json.")
    String profile;
    @Option(names = "--project-dir", required = true, description = "The repository root (git commit, working dir).")
    Path projectDir;
    @Option(names = "--handoff", required = true, description = "File telling the report step which stage to publish.")
    Path handoff;
    @Option(names = "--native-jar", required = true, description = "bench-native.jar (the probe).")
    Path nativeJar;
    @Option(names = "--benchmarks-jar", required = true, description = "bench-jmh's benchmarks.jar.")
    Path benchmarksJar;
    @Option(names = "--classpath", description = "Run the probe and JMH from this class path instead of the two "
            + "jars (for tests, which run before the jars are packaged).")
    String classPath;

    @Option(names = "--include", defaultValue = "", description = "bench.include: JMH benchmark regex; empty = all.")
    String include;
    @Option(names = "--jmh-forks", defaultValue = "3", description = "Forks of the benchmarks the claims read.")
    int forks;
    @Option(names = "--jmh-sweep-forks", defaultValue = "1", description = "Forks of every other benchmark.")
    int sweepForks;
    @Option(names = "--jmh-warmup-iterations", defaultValue = "2")
    int warmupIterations;
    @Option(names = "--jmh-warmup-time", defaultValue = "500ms")
    String warmupTime;
    @Option(names = "--jmh-iterations", defaultValue = "3")
    int iterations;
    @Option(names = "--jmh-time", defaultValue = "500ms")
    String time;
    @Option(names = "--jmh-args", defaultValue = "", description = "Extra JMH options, space-separated.")
    String jmhArgs;

    @Option(names = "--harness", required = true, description = "bench-native/target/native/perfbp-bench.")
    Path harness;
    @Option(names = "--native-commands", defaultValue = "moves,profiler", description = "perfbp-bench's commands to "
            + "run: moves, profiler, trap-anatomy, round-size.")
    String commands;
    @Option(names = "--native-matrices", defaultValue = "all", description = "The matrices of perfbp-bench moves.")
    String matrices;
    @Option(names = "--native-rounds", defaultValue = "")
    String rounds;
    @Option(names = "--native-iterations", defaultValue = "")
    String nativeIterations;
    @Option(names = "--native-round-ms", defaultValue = "", description = "Target ms per time-sized round; empty with "
            + "--native-iterations empty = the harness's default.")
    String roundMs;
    @Option(names = "--native-min-ops", defaultValue = "", description = "The fewest ops of a time-sized round.")
    String minOps;
    @Option(names = "--native-warmup", defaultValue = "")
    String warmup;
    @Option(names = "--native-forks", defaultValue = "1", description = "Processes per moves matrix, spread over "
            + "the run (bench.native.forks).")
    int nativeForks;
    @Option(names = "--native-skip", defaultValue = "false", fallbackValue = "true", arity = "0..1")
    boolean skipNative;

    static final String NATIVE_ACCESS = RearmBenchmark.NATIVE_ACCESS;

    private final PrintStream log = System.out;
    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        JmhSettings jmh = new JmhSettings(forks, sweepForks, warmupIterations, warmupTime, iterations, time, include,
                JmhSettings.splitArgs(jmhArgs));
        NativeSettings nativeSettings = new NativeSettings(harness.toAbsolutePath().normalize(),
                NativeSettings.runs(commands, matrices), rounds, nativeIterations, roundMs, minOps, warmup, skipNative,
                nativeForks);
        nativeSettings.check();
        BenchmarkCatalog catalog = BenchmarkCatalog.compiledIn();
        JmhPlan.checkInclude(catalog, jmh); // a bad include is bad input: refused before anything is staged
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new BadSettingException("bench.out='" + out + "': is a file; valid: a folder path (created if missing)");
        }
        RunHandoff.clear(handoff);
        projectDir = projectDir.toAbsolutePath().normalize();
        nativeJar = nativeJar.toAbsolutePath().normalize();
        benchmarksJar = benchmarksJar.toAbsolutePath().normalize();

        Path stage = new RunFolder().stage(target);
        log.println("[rearm] measuring into " + stage + " (renamed to " + target + " when complete)");
        Instant started = clock.instant();
        RunRecord record = RunRecord.start(profile, mavenCommand(), projectDir, started, GitState.of(projectDir));
        StepRunner steps = new StepRunner(log, record, projectDir, clock);
        try {
            Binding binding = Binding.selected().binding(); // a bad -Drearm.binding fails before any run
            Duration probing = probe(steps, stage);
            EnvFacts env = EnvFacts.read(stage.resolve("env.json"));
            // A refusal does not stop the run: what cannot run is left out, with the reason, and the rest is measured.
            env.refused().forEach((capability, reason) ->
                    log.println("[rearm] the probe found no " + capability + " here: " + reason));
            JmhPlan plan = JmhPlan.of(catalog, jmh, env);
            NativeStep nativeStep = new NativeStep(log);
            List<NativeStep.Matrix> matrices = nativeStep.plan(record, nativeSettings, env);
            JmhCostModel jmhCosts = new JmhCostModel(catalog, jmh);
            double[] jmhSeconds = plan.runs().stream().mapToDouble(jmhCosts::seconds).toArray();
            int[] slots = NativeStep.schedule(matrices, jmhSeconds);
            RunEstimate estimate = estimate(probing, nativeSettings, matrices, slots, new NativeCostModel(env.nproc(),
                            NativeCostModel.RoundTime.of(nativeSettings.roundMs(), nativeSettings.minOps())),
                    plan.runs(), jmhSeconds);
            estimate.writeTo(record.section("estimate"));
            log.println(estimate.planLine());
            steps.estimate(estimate, started);
            NativeStep.Scheduled natives = nativeStep.start(steps, record, nativeSettings, matrices, slots, stage);
            new JmhStep(log, launcher(benchmarksJar, "org.openjdk.jmh.Main"))
                    .run(steps, record, plan, jmh, binding, stage, natives::before);
            natives.finish();
            record.put("measuredAt", clock.instant().toString());
        } catch (RuntimeException e) {
            log.println("[rearm] this run failed: " + target + " is untouched; the run's files stay in " + stage);
            throw e;
        } finally {
            try {
                record.writeTo(stage); // a failed run keeps its record beside its partial files
            } finally {
                steps.settled();
            }
        }
        new RunHandoff(stage, target).writeTo(handoff);
        log.println("[rearm] measured; the verify phase reports and publishes " + target);
        return 0;
    }

    private Duration probe(StepRunner steps, Path stage) {
        List<String> command = new ArrayList<>(launcher(nativeJar, "dev.rearm.perf.cli.RearmNativeCli"));
        command.addAll(List.of("probe", "--out", stage.resolve("env.json").toString()));
        return steps.run("probe", command);
    }

    /**
     * Every step of the run in the order it runs (the native forks among the JMH runs, as
     * {@code slots} places them), the probe with the time it took, the rest with their estimates.
     */
    static RunEstimate estimate(Duration probing, NativeSettings settings, List<NativeStep.Matrix> matrices, int[] slots,
                                NativeCostModel nativeCosts, List<JmhRun> runs, double[] jmhSeconds) {
        return estimate(probing, matrices, slots, matrix -> NativeStep.estimateSeconds(settings, matrix, nativeCosts),
                runs, jmhSeconds);
    }

    static RunEstimate estimate(Duration probing, List<NativeStep.Matrix> matrices, int[] slots,
                                ToDoubleFunction<NativeStep.Matrix> nativeSeconds, List<JmhRun> runs,
                                double[] jmhSeconds) {
        List<RunEstimate.Step> estimated = new ArrayList<>();
        estimated.add(new RunEstimate.Step("probe", probing.toMillis() / 1000.0));
        for (int slot = 0; slot <= runs.size(); slot++) {
            for (int i = 0; i < matrices.size(); i++) {
                if (slots[i] == slot) {
                    estimated.add(new RunEstimate.Step(matrices.get(i).stepName(),
                            nativeSeconds.applyAsDouble(matrices.get(i))));
                }
            }
            if (slot < runs.size()) {
                estimated.add(new RunEstimate.Step(JmhStep.stepName(runs, slot), jmhSeconds[slot]));
            }
        }
        estimated.add(new RunEstimate.Step(RunEstimate.ANALYSIS, RunEstimate.ANALYSIS_SECONDS));
        return new RunEstimate(estimated);
    }

    /** {@code java -jar JAR}, or {@code java -cp CLASSPATH MAIN} when a class path was given. */
    private List<String> launcher(Path jar, String mainClass) {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(classPath == null ? List.of("-jar", jar.toString()) : List.of("-cp", classPath, mainClass));
        return command;
    }

    /** The Maven command line, from the environment the mvn launcher script exports. */
    private static String mavenCommand() {
        String args = System.getenv("MAVEN_CMD_LINE_ARGS");
        return args == null ? null : ("mvn " + args.trim()).trim();
    }

    /**
     * The JVM every step starts, granted native access: JDK 21+ print four warning lines on each
     * JNI/JNA library load without it (the probe's one-line answers would no longer be one line),
     * and JDK 17+ accept it silently. JMH forks inherit it with the runner's other JVM options.
     */
    static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), NATIVE_ACCESS);
    }
}
