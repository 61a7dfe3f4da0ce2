package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.EmulatedCpu;
import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.KernelSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGTERM or SIGINT to the measure step of {@code mvn verify} while it is writing (the native
 * harness running, or a JMH fork) leaves the previous run in the target byte for byte, stops the
 * step's children, leaves no handoff a later report step could publish, and leaves no
 * half-written file anywhere; and the next run completes and is published over the old one.
 */
@Tag(KernelSupport.TRAPS_TAG)
class InterruptedMeasureTest {
    /** Bounds against a hung child, stretched on the emulated CPU the trap tests also run on. */
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(EmulatedCpu.timeoutSeconds(60));
    private static final long EXIT_TIMEOUT_SECONDS = EmulatedCpu.timeoutSeconds(30);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsWatchpoints() {
        MeasureChild.assumeWatchpointsHere();
    }

    @ParameterizedTest(name = "SIG{0} when the console shows ''{1}''")
    @CsvSource({
        "TERM, 'perfbp-bench: scenario 1', 100000, 20ms",
        "INT, '# Run progress', 30, 20s",
    })
    void anInterruptedRunLeavesThePreviousRunIntactAndNothingToPublish(String signal, String marker,
                                                                       String nativeIterations, String jmhTime)
            throws Exception {
        HostPrecondition.assume(!"INT".equals(signal) || !InheritedSignals.sigintIgnored(),
                "this test JVM was started with SIGINT ignored (a background job), and so is the pipeline JVM it "
                        + "starts: a JVM cannot take SIGINT back, and no Ctrl-C reaches such a process anyway");
        // It waits for the native harness's or a JMH fork's first line: where no watchpoint fires neither runs.
        MeasureChild.assumeTrapsHere();
        Map<String, String> before = previousRun();

        interrupt(signal, marker, new MeasureChild(target(), handoff()).nativeOps(nativeIterations, "100").jmhTime(jmhTime));

        assertThat(digests(target())).as("the previous run, byte for byte").isEqualTo(before);
        assertThat(handoff()).as("nothing for the report step to publish").doesNotExist();
        assertNoHalfWrittenFile(dir);
    }

    @org.junit.jupiter.api.Test
    void theRunAfterAnInterruptedOneCompletesAndReplacesThePreviousRun() throws Exception {
        MeasureChild.assumeTrapsHere();
        previousRun();
        interrupt("TERM", "perfbp-bench: scenario 1", new MeasureChild(target(), handoff()).nativeOps("100000", "100"));

        MeasureChild.Result rerun = new MeasureChild(target(), handoff()).run(dir.resolve("rerun.txt"));
        assertThat(rerun.exit()).as(rerun.console()).isZero();
        MeasureChild.Result report = MeasureChild.publish(handoff(), dir.resolve("report.txt"));
        assertThat(report.exit()).as(report.console()).isZero();

        try (Stream<Path> files = Files.list(target())) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("env.json", "native.json", "jmh.json", "run.json");
        }
        assertThat(JsonFiles.read(target().resolve("native.json")).path("results")).isNotEmpty();
        assertNoHalfWrittenFile(dir);
    }

    private Path target() {
        return dir.resolve("latest");
    }

    private Path handoff() {
        return dir.resolve("handoff.properties");
    }

    /** A published run in the target: what an interrupted run must not touch. */
    private Map<String, String> previousRun() throws IOException {
        Files.createDirectories(target().resolve("charts"));
        Files.writeString(target().resolve("native.json"), "{\"harness\": \"native\", \"results\": []}\n");
        Files.writeString(target().resolve("report.md"), "# the previous run\n");
        Files.write(target().resolve("charts/headline.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        return digests(target());
    }

    /** Starts the step, sends the signal once the console shows {@code marker}, and checks everything stopped. */
    private void interrupt(String signal, String marker, MeasureChild child) throws Exception {
        Path console = dir.resolve("interrupted.txt");
        Process measure = child.start(console);
        awaitConsole(measure, console, marker);
        List<ProcessHandle> children = measure.descendants().toList();
        assertThat(children).as("the step runs in a child process").isNotEmpty();
        new ProcessBuilder("kill", "-" + signal, String.valueOf(measure.pid())).start().waitFor();

        assertThat(measure.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the measure step exits").isTrue();
        assertThat(measure.exitValue()).isNotZero();
        for (ProcessHandle process : children) {
            assertThat(process.onExit().get(15, TimeUnit.SECONDS).isAlive()).as("child %s stopped", process.pid())
                    .isFalse();
        }
    }

    private static void awaitConsole(Process process, Path console, String marker) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline && process.isAlive()
                && !Files.readString(console, StandardCharsets.UTF_8).contains(marker)) {
            Thread.sleep(25);
        }
        String text = Files.readString(console, StandardCharsets.UTF_8);
        if (!text.contains(marker)) {
            process.destroyForcibly().waitFor();
        }
        assertThat(text).as("the step reached '%s'", marker).contains(marker);
    }

    /** Every JSON file under {@code root} (the stage included) is whole, and no temp file is left. */
    private static void assertNoHalfWrittenFile(Path root) throws IOException {
        Path jvmTemp = root.resolve("tmp"); // JMH's lock and scratch files, not the run's
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path file : tree.filter(Files::isRegularFile).filter(f -> !f.startsWith(jvmTemp)).toList()) {
                String name = file.getFileName().toString();
                assertThat(name).as(file.toString()).doesNotContain(".tmp");
                if (name.endsWith(".json")) {
                    JsonFiles.read(file); // throws on a truncated document
                }
            }
        }
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path file : tree.filter(Files::isRegularFile).toList()) {
                digests.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
