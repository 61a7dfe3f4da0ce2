package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rearm.perf.testsupport.EmulatedCpu;
import dev.rearm.perf.testsupport.HarnessGate;
import dev.rearm.perf.testsupport.KernelSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the built native harness (target/native/perfbp-bench, made by {@code make} in
 * generate-resources) as a user would, and reads what it wrote.
 */
final class Harness {
    static final Path BINARY = Path.of("target", "native", "perfbp-bench").toAbsolutePath();
    /** The seccomp launcher that makes the kernel refuse perf calls for real. */
    static final Path REFUSE = Path.of("target", "native", "perfbp-refuse").toAbsolutePath();

    /** Counts small enough that a whole matrix takes milliseconds: these tests never time anything. */
    static final List<String> TINY = List.of("--rounds", "2", "--warmup", "1", "--iterations", "30");

    /** Two minutes on a CPU; stretched on the emulated one, where a million moves alone take about that. */
    private static final long TIMEOUT_SECONDS = EmulatedCpu.timeoutSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Harness() {
    }

    static HarnessRun run(String... args) {
        return runWithPrefix(List.of(), List.of(args));
    }

    static HarnessRun run(List<String> args) {
        return runWithPrefix(List.of(), args);
    }

    /** Runs the harness under perfbp-refuse with the given refusal, e.g. {@code "--open", "EACCES"}. */
    static HarnessRun runRefused(List<String> refusal, List<String> args) {
        List<String> prefix = new ArrayList<>();
        prefix.add(REFUSE.toString());
        prefix.addAll(refusal);
        prefix.add("--");
        return runWithPrefix(prefix, args);
    }

    private static HarnessRun runWithPrefix(List<String> prefix, List<String> args) {
        assertThat(BINARY).as("the native harness is built by 'mvn generate-resources' (make bench)").isExecutable();
        List<String> command = new ArrayList<>(prefix);
        command.add(BINARY.toString());
        command.addAll(args);
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("perfbp-bench", ".out");
            stderr = Files.createTempFile("perfbp-bench", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("perfbp-bench did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new HarnessRun(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file in /tmp is harmless
            }
        }
    }

    /**
     * Skips the calling test, with the harness's own explanation, where this machine cannot arm a
     * watchpoint (no breakpoint PMU, paranoid level, seccomp): exit 3 from a dry run.
     */
    static void assumeWatchpoints() {
        HarnessGate.assumeWatchpoints(BINARY);
    }

    /**
     * Skips a harness test whose scenarios trap (or whose premise check needs a trap) where this
     * machine's watchpoints never fire: the harness would rightly stop on its premise there.
     */
    static void assumeTraps() {
        assumeWatchpoints();
        KernelSupport.assumeTraps();
    }

    /** Runs with TINY counts plus {@code args}, writing to {@code out}; asserts success and parses the file. */
    static JsonNode runTiny(Path out, String... args) {
        // The command comes first (an option before it is refused); without one, moves.
        List<String> rest = new ArrayList<>(List.of(args));
        List<String> all = new ArrayList<>();
        all.add(!rest.isEmpty() && !rest.get(0).startsWith("--") ? rest.remove(0) : "moves");
        all.addAll(TINY);
        all.addAll(rest);
        all.add("--out");
        all.add(out.toString());
        HarnessRun run = run(all);
        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.stderr()).isZero();
        return read(out);
    }

    /** A dry-run scenario line: index, strategy, then the scenario keys (and any "not run" note). */
    private static final Pattern SCENARIO_LINE = Pattern.compile("^\\s*\\d+ \\S+\\s+trapEvery=.*");

    /** The scenarios a dry run with {@code args} lists, as "strategy key=value ..." (asserts it succeeded). */
    static List<String> dryRunScenarios(List<String> args) {
        HarnessRun run = run(args);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.stdout().lines().filter(line -> SCENARIO_LINE.matcher(line).matches())
                .map(line -> line.trim().replaceFirst("^\\d+\\s+", "").replaceAll("\\s+", " ")
                        // a time-sized plan adds the calibration round's size: not part of the scenario
                        .replaceFirst(" \\(calibrates on \\d+ ops\\)$", ""))
                .toList();
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("native.json does not parse: " + e.getMessage(), e);
        }
    }

    static int tinyRounds() {
        return Integer.parseInt(TINY.get(1));
    }

    static int tinyWarmup() {
        return Integer.parseInt(TINY.get(3));
    }

    static int tinyIterations() {
        return Integer.parseInt(TINY.get(5));
    }
}
