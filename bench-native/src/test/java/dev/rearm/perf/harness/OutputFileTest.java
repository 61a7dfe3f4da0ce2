package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** native.json appears whole or not at all, and replaces an earlier one only when complete. */
@Tag(KernelSupport.TRAPS_TAG)
class OutputFileTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsWatchpoints() {
        Harness.assumeTraps();
    }

    @Test
    void successfulRunReplacesTheEarlierFileAndLeavesNoTempFileBehind() throws Exception {
        Path out = dir.resolve("native.json");
        Files.writeString(out, "earlier run");

        JsonNode doc = Harness.runTiny(out, "--strategy", "modify", "--trapEvery", "0");

        assertThat(doc.path("harness").asText()).isEqualTo("native");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void withoutOutTheDocumentGoesToStdoutAndProgressToStderr() {
        HarnessRun run = Harness.run("moves", "--strategy", "modify", "--trapEvery", "0", "--rounds", "1", "--warmup", "0",
                "--iterations", "10");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("{").contains("\"harness\": \"native\"");
        assertThat(run.stderr()).contains("scenario 1/1", "elapsed", "ETA");
    }

    @Test
    void interruptedRunLeavesNeitherAFileNorATempFile() throws Exception {
        Path out = dir.resolve("native.json");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(Harness.BINARY.toString(), "moves", "--strategy", "modify", "--trapEvery", "0",
                "--iterations", "1000000", "--rounds", "100", "--out", out.toString())
                .redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Files.readString(stderr).contains("scenario 1/1") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(stderr)).as("the run started").contains("scenario 1/1");
        } finally {
            process.destroy(); // SIGTERM, as an impatient user or a CI timeout sends
        }
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isNotZero();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(stderr);
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void interruptedRunKeepsTheEarlierFileByteForByteAndTheNextRunReplacesIt(String signal) throws Exception {
        Path out = dir.resolve("native.json");
        Path stderr = dir.resolve("stderr.txt");
        byte[] earlier = "{\"harness\": \"native\", \"results\": []}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(out, earlier);
        Process process = new ProcessBuilder(Harness.BINARY.toString(), "moves", "--strategy", "reopen,modify", "--trapEvery", "0",
                "--iterations", "100000", "--rounds", "100", "--out", out.toString())
                .redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.readString(stderr).contains("scenario 1") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readAllBytes(out)).as("the earlier native.json").isEqualTo(earlier);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(out, stderr);
        }
        assertThat(Harness.runTiny(out, "--strategy", "modify", "--trapEvery", "0").path("results")).isNotEmpty();
    }

    @Test
    void dryRunListsTheScenariosAndWritesNothing() {
        Path out = dir.resolve("native.json");

        HarnessRun run = Harness.run("moves", "--matrix", "headline", "--dry-run", "--out", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("4 scenarios", "reopen", "modify", "trapEvery=1");
        assertThat(out).doesNotExist();
    }
}
