package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.EmulatedCpu;
import dev.rearm.perf.testsupport.HarnessGate;
import dev.rearm.perf.testsupport.KernelSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline's measure step ({@code BenchPipeline measure}) as a child process, the way
 * {@code mvn verify} starts it, at settings small enough to finish in seconds: one JMH fork of
 * one 20 ms iteration, the native harness at 2 rounds of 30 ops. The probe and JMH run from the
 * test class path (the jars are packaged only after the tests).
 */
final class MeasureChild {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path NATIVE_BUILD = MODULE.resolveSibling("bench-native").resolve("target").resolve("native");
    static final Path REFUSE = NATIVE_BUILD.resolve("perfbp-refuse");
    /** A bound against a hung child, stretched on the emulated CPU the trap tests also run on. */
    private static final long TIMEOUT_SECONDS = EmulatedCpu.timeoutSeconds(180);

    private final List<String> launcher = new ArrayList<>();
    private final Path out;
    private final Path handoff;
    private String include = "HeadlineBenchmark";
    private String jmhArgs = "-p trapEvery=0 -p notify=none";
    private String nativeIterations = "30";
    private String nativeRounds = "2";
    private String jmhTime = "20ms";
    private String classPath = System.getProperty("java.class.path");
    private Path projectDir = MODULE.getParent();
    private Path harness = NATIVE_BUILD.resolve("perfbp-bench");
    private String matrices = "headline";

    /** What a finished measure step left: its exit code and its console. */
    record Result(int exit, String console) {
    }

    MeasureChild(Path out, Path handoff) {
        this.out = out;
        this.handoff = handoff;
    }

    /** Runs the step under this launcher (e.g. {@code perfbp-refuse --modify ENOTTY --}). */
    MeasureChild under(List<String> prefix) {
        launcher.addAll(prefix);
        return this;
    }

    MeasureChild include(String regex, String extraJmhArgs) {
        include = regex;
        jmhArgs = extraJmhArgs;
        return this;
    }

    /** A native harness run long enough to be caught in the act. */
    MeasureChild nativeOps(String iterations, String rounds) {
        nativeIterations = iterations;
        nativeRounds = rounds;
        return this;
    }

    /** A JMH iteration long enough to be caught in the act. */
    MeasureChild jmhTime(String time) {
        jmhTime = time;
        return this;
    }

    /** Runs from copies (another user may not read the build or the Maven repository). */
    MeasureChild from(String copiedClassPath, Path copiedHarness, Path workDir) {
        classPath = copiedClassPath;
        harness = copiedHarness;
        projectDir = workDir;
        return this;
    }

    MeasureChild matrices(String names) {
        matrices = names;
        return this;
    }

    List<String> command() {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, BenchPipeline.class.getName(), "measure",
                "--out=" + out, "--profile=test", "--project-dir=" + projectDir, "--handoff=" + handoff,
                "--native-jar=unused-with-classpath", "--benchmarks-jar=unused-with-classpath", "--classpath=" + classPath,
                "--include=" + include, "--jmh-forks=1", "--jmh-warmup-iterations=0", "--jmh-iterations=1",
                "--jmh-time=" + jmhTime, "--jmh-args=" + jmhArgs,
                "--harness=" + harness, "--native-commands=moves", "--native-matrices=" + matrices,
                "--native-rounds=" + nativeRounds, "--native-iterations=" + nativeIterations, "--native-warmup=0"));
        return command;
    }

    /** Starts the step with its console going to {@code console}. */
    Process start(Path console) {
        assertThat(NATIVE_BUILD.resolve("perfbp-bench")).as("bench-native builds the harness in generate-resources")
                .isExecutable();
        try {
            ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true)
                    .redirectOutput(console.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            // JMH takes a machine-wide lock in java.io.tmpdir; a private one keeps these tiny runs
            // from waiting on (or failing beside) a real benchmark run on the same machine.
            Path tmp = Files.createDirectories(out.resolveSibling("tmp"));
            tmp.toFile().setWritable(true, false); // for a step run as another user
            builder.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(Path console) {
        Process process = start(console);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return finish(process, "the measure step", console);
    }

    /**
     * The report step ({@code BenchPipeline report}) for the run the handoff names, without an
     * analysis jar (it is packaged after the tests): it records that and publishes the run.
     */
    static Result publish(Path handoff, Path console) {
        return java(List.of(BenchPipeline.class.getName(), "report", "--handoff=" + handoff,
                "--analysis-jar=" + handoff.resolveSibling("no-analysis.jar"), "--project-dir=" + MODULE.getParent()),
                console);
    }

    /** Runs the analysis on {@code runFolder} from the class path, as the report step does with analysis.jar. */
    static Result analyse(Path runFolder, Path reportDir, Path console) {
        return java(List.of("-Djava.awt.headless=true", "dev.rearm.analysis.cli.AnalysisCommand", "--in",
                runFolder.toString(), "--out", reportDir.toString()), console);
    }

    private static Result java(List<String> args, Path console) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile())
                    .start();
            return finish(process, command.toString(), console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (bounded) for {@code process}, named {@code what} if it overruns, and reads its console. */
    private static Result finish(Process process, String what, Path console) {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(what + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(console, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Skips a test whose run must measure watchpoint moves where no watchpoint fires (decided by
     * bench-native's independent check, not by the probe under test; under REARM_REQUIRE_KERNEL a
     * failure): there the plan rightly leaves every move out, so there is nothing to check.
     */
    static void assumeTrapsHere() {
        KernelSupport.assumeIndependentTraps("the run's watchpoint moves");
    }

    /** Skips (or fails) as bench-native's harness tests do where the native harness cannot arm a watchpoint. */
    static void assumeWatchpointsHere() {
        HarnessGate.assumeWatchpoints(NATIVE_BUILD.resolve("perfbp-bench"));
    }

    /** The staging folder the handoff names (the run's files before publication). */
    static Path stagedRun(Path handoff) {
        return RunHandoff.readFrom(handoff).stage();
    }
}
