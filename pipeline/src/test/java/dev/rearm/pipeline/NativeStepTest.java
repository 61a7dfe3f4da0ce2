package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a stand-in harness (a shell script writing a native.json), never a benchmark. */
class NativeStepTest {
    private static final EnvFacts CAPABLE = EnvFacts.capable(2, 4, Map.of());
    private static final EnvFacts NO_TRAPS = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.TRAPS, "0 of 1 stores counted"),
            Map.of(), null);
    @TempDir
    Path dir;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    private final RunRecord record = RunRecord.start("test", "mvn verify", Path.of("."), Instant.EPOCH,
            new GitState(null, null));

    @Test
    void severalMatricesEndAsOneNativeJsonWithEveryResult() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("headline", "pages"), "3", "", "", false);

        new NativeStep(quiet).run(steps(), record, settings, stage, CAPABLE);

        assertThat(JsonFiles.read(stage.resolve("native.json")).path("results").findValuesAsText("matrix"))
                .containsExactly("headline", "pages");
        try (Stream<Path> files = Files.list(stage)) {
            assertThat(files).containsExactly(stage.resolve("native.json"));
        }
        assertThat(record.json().path("native").path("matrices")).hasSize(2);
    }

    @Test
    void eachMovesMatrixRunsOncePerForkAndNativeJsonSaysWhichProcessMeasuredEachMoveResult() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("headline", "profiler"), "3", "", "", "",
                "", false, 3);

        new NativeStep(quiet).run(steps(), record, settings, stage, CAPABLE);

        assertThat(calls()).extracting(call -> call.split(" ")[0] + " " + call.split(" ")[call.startsWith("moves") ? 2 : 0])
                .containsExactly("moves headline", "profiler profiler", "moves headline", "moves headline");
        JsonNode nativeJson = JsonFiles.read(stage.resolve("native.json"));
        assertThat(nativeJson.path("forks").asInt()).isEqualTo(3);
        assertThat(nativeJson.path("results")).extracting(result -> result.path("matrix").asText() + " "
                        + (result.has("fork") ? result.path("fork").asText() : "-"))
                .containsExactly("headline 0", "profiler -", "headline 1", "headline 2");
        try (Stream<Path> files = Files.list(stage)) {
            assertThat(files).containsExactly(stage.resolve("native.json"));
        }
        assertThat(record.json().path("native").path("matrices")).hasSize(2);
        assertThat(record.json().path("native").path("forks").asInt()).isEqualTo(3);
    }

    @Test
    void oneForkLeavesNativeJsonAsBeforeWithNoForkKeys() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("headline", "pages"), "3", "", "", "",
                "", false, 1);

        new NativeStep(quiet).run(steps(), record, settings, stage, CAPABLE);

        JsonNode nativeJson = JsonFiles.read(stage.resolve("native.json"));
        assertThat(nativeJson.has("forks")).isFalse();
        assertThat(nativeJson.path("results").findValues("fork")).isEmpty();
    }

    @Test
    void theForksRunOneBeforeTheJmhPartOneWhereHalfItsEstimatedTimeHasPassedAndOneAfterIt() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("all", "profiler"), "3", "", "", "",
                "", false, 3);
        List<NativeStep.Matrix> plan = new NativeStep(quiet).plan(record, settings, CAPABLE);
        double[] jmhSeconds = {85, 89, 19, 19, 19, 5, 5};

        int[] slots = NativeStep.schedule(plan, jmhSeconds);

        assertThat(plan).extracting(NativeStep.Matrix::fork).containsExactly(0, 0, 1, 2);
        // 85 + 89 = 174 s of the 241 have passed before JMH run 2: the first slot at or past half (120.5 s).
        assertThat(slots).containsExactly(0, 0, 2, jmhSeconds.length);
    }

    @Test
    void theEstimateListsEveryStepInTheOrderItRunsWithTheForksAmongTheJmhRuns() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("all", "profiler"), "3", "", "", "",
                "", false, 3);
        List<NativeStep.Matrix> plan = new NativeStep(quiet).plan(record, settings, CAPABLE);
        List<JmhRun> runs = List.of(new JmhRun("claims", List.of()), new JmhRun("suite", List.of()));
        double[] jmhSeconds = {100, 100};

        RunEstimate estimate = MeasureCommand.estimate(Duration.ofMillis(400), plan,
                NativeStep.schedule(plan, jmhSeconds), matrix -> 40, runs, jmhSeconds);

        ObjectNode written = JsonFiles.MAPPER.createObjectNode();
        estimate.writeTo(written);
        assertThat(written.path("steps").findValuesAsText("name")).containsExactly("probe",
                "native harness, matrix all, fork 1/3 (1/4)", "native harness, profiler (2/4)", "JMH claims (1/2)",
                "native harness, matrix all, fork 2/3 (3/4)", "JMH suite (2/2)",
                "native harness, matrix all, fork 3/3 (4/4)", "analysis");
        assertThat(estimate.totalSeconds()).isCloseTo(0.4 + 4 * 40 + 200 + RunEstimate.ANALYSIS_SECONDS, within(1e-9));
    }

    @Test
    void aFailingHarnessFailsTheStep() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(3), List.of("headline"), "", "", "", false);

        assertThatThrownBy(() -> new NativeStep(quiet).run(steps(), record, settings, stage, CAPABLE))
                .isInstanceOf(StepRunner.StepFailedException.class)
                .hasMessageContaining("exit 3");
    }

    @Test
    void aMissingHarnessSaysHowToBuildItOrSkipIt() {
        NativeSettings settings = new NativeSettings(dir.resolve("perfbp-bench"), List.of("headline"), "", "", "", false);

        assertThatThrownBy(() -> new NativeStep(quiet).run(steps(), record, settings, dir, CAPABLE))
                .hasMessageContaining("is not built")
                .hasMessageContaining("-Dbench.native.skip=true");
    }

    @Test
    void skippingIsRecordedInRunJson() {
        NativeSettings settings = new NativeSettings(dir.resolve("absent"), List.of(), "", "", "", true);

        new NativeStep(quiet).run(steps(), record, settings, dir, CAPABLE);

        assertThat(record.json().path("steps").get(0).path("status").asText()).isEqualTo("skipped");
    }

    @Test
    void whereWatchpointsNeverFireOnlyTheTrapAnatomyRunsAndEveryMatrixIsLeftOutWithTheProbesReason()
            throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("headline", "profiler", "trap-anatomy"),
                "", "", "", false);

        new NativeStep(quiet).run(steps(), record, settings, stage, NO_TRAPS);

        assertThat(calls()).singleElement().asString().startsWith("trap-anatomy ");
        assertThat(record.json().path("native").path("matrices").toString()).isEqualTo("[\"trap-anatomy\"]");
        assertThat(record.json().path("notRun").findValuesAsText("what"))
                .containsExactly("native matrix headline", "native profiler");
        assertThat(record.json().path("notRun").findValuesAsText("why")).allSatisfy(why -> assertThat(why)
                .startsWith("every move's premise needs a trap").endsWith(": 0 of 1 stores counted"));
    }

    @Test
    void eachNotRunEntryNamesItsHarnessCommandsAndScenarioAsKeys() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("headline", "round-size"), "", "", "",
                false);
        EnvFacts noModifyNoSignals = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.MODIFY, "ENOTTY", EnvFacts.SIGNALS,
                "0 signals"), Map.of(), null);

        new NativeStep(quiet).plan(record, settings, noModifyNoSignals);

        // Keys the analysis matches instead of the sentences: which harness, which commands (none: all), which scenario.
        assertThat(record.json().path("notRun").toString())
                .contains("\"harness\":\"native\",\"commands\":[],\"scenario\":{\"strategy\":\"modify\"}")
                .contains("\"harness\":\"native\",\"commands\":[],\"scenario\":{\"notify\":\"signal\"}");
        assertThat(record.json().path("notRun").findValuesAsText("what"))
                .contains("native strategy=modify (every matrix)", "native notify=signal (every matrix)");
    }

    @Test
    void whereWatchpointsNeverFireAndNothingButMovesIsAskedTheHarnessIsSkipped() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("all", "profiler"), "", "", "", false);

        new NativeStep(quiet).run(steps(), record, settings, stage, NO_TRAPS);

        assertThat(dir.resolve("calls.txt")).doesNotExist();
        assertThat(record.json().path("notRun").findValuesAsText("what")).contains("native matrix all", "native profiler");
    }

    @Test
    void withoutTheModifyIoctlTheProfilerRunsItsToolByReopenOnly() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("headline", "profiler"), "", "", "", false);
        EnvFacts oldKernel = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.MODIFY, "ENOTTY"), Map.of(), null);

        new NativeStep(quiet).run(steps(), record, settings, stage, oldKernel);

        assertThat(calls()).hasSize(2).allSatisfy(call -> assertThat(call).endsWith("--strategy reopen"));
        assertThat(calls().get(0)).startsWith("moves --matrix headline");
        assertThat(calls().get(1)).startsWith("profiler ").doesNotContain("--matrix");
    }

    @Test
    void aProfilerAloneThatCannotRunLeavesTheHarnessOutWithTheReason() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("profiler"), "", "", "", false);
        EnvFacts noSignals = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.SIGNALS, "0 signals"), Map.of(), null);

        assertThat(new NativeStep(quiet).plan(record, settings, noSignals)).isEmpty();

        assertThat(dir.resolve("calls.txt")).doesNotExist();
        assertThat(record.json().path("steps").get(0).path("status").asText()).isEqualTo("skipped");
        assertThat(record.json().path("notRun").findValuesAsText("why"))
                .contains("its tool disarms each watchpoint on its trap's signal, and no signal per trap here: 0 signals");
    }

    private StepRunner steps() {
        return new StepRunner(quiet, record, dir, Clock.systemUTC());
    }

    /** Each call's arguments, one line per call. */
    private List<String> calls() throws IOException {
        return Files.readAllLines(dir.resolve("calls.txt"));
    }

    /**
     * Appends its arguments to calls.txt, writes {"results": [{"matrix": NAME}]} to the --out
     * file, then exits with {@code exit}.
     */
    private Path fakeHarness(int exit) throws IOException {
        return fakeHarness(exit, "none");
    }

    /** As {@link #fakeHarness(int)}, but {@code refused} (a command) exits 3 and writes nothing. */
    private Path fakeHarness(int exit, String refused) throws IOException {
        Path script = dir.resolve("perfbp-bench");
        Files.writeString(script, """
                #!/bin/sh
                echo "$*" >> "$(dirname "$0")/calls.txt"
                [ "$1" = "%s" ] && { echo "perfbp-bench: no watchpoint fires here" >&2; exit 3; }
                while [ $# -gt 0 ]; do
                  case "$1" in profiler|trap-anatomy|round-size) m="$1" ;; --matrix) m="$2"; shift ;; --out) o="$2"; shift ;; esac; shift
                done
                [ %d -eq 0 ] || exit %d
                printf '{"harness": "native", "env": {}, "results": [{"matrix": "%%s"}]}' "$m" > "$o"
                """.formatted(refused, exit, exit));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void theTrapAnatomyRunsAsItsOwnCommandWithRoundsAndWarmupAndNoNarrowing() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("headline", "trap-anatomy"), "3", "500", "1",
                false);
        EnvFacts oldKernel = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.MODIFY, "ENOTTY"), Map.of(), null);

        new NativeStep(quiet).run(steps(), record, settings, stage, oldKernel);

        assertThat(calls()).hasSize(2);
        assertThat(calls().get(0)).startsWith("moves --matrix headline --rounds 3 --iterations 500 --warmup 1")
                .endsWith("--strategy reopen");
        assertThat(calls().get(1)).startsWith("trap-anatomy --rounds 3 --warmup 1 --out ")
                .doesNotContain("--iterations").doesNotContain("--strategy");
    }

    @Test
    void theRoundSizeCheckWritesItsOwnFileAndNativeJsonMergesOnlyTheRest() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("headline", "trap-anatomy", "round-size"),
                "3", "", "10", "", "1", false);

        new NativeStep(quiet).run(steps(), record, settings, stage, CAPABLE);

        assertThat(calls().get(2)).isEqualTo("round-size --rounds 3 --warmup 1 --out " + stage.resolve("round-size.json"));
        assertThat(JsonFiles.read(stage.resolve("native.json")).path("results").findValuesAsText("matrix"))
                .containsExactly("headline", "trap-anatomy");
        assertThat(JsonFiles.read(stage.resolve("round-size.json")).path("results").findValuesAsText("matrix"))
                .containsExactly("round-size");
        assertThat(record.json().path("native").path("roundSizing").asText()).isEqualTo("time");
        try (Stream<Path> files = Files.list(stage)) {
            assertThat(files).containsExactlyInAnyOrder(stage.resolve("native.json"), stage.resolve("round-size.json"));
        }
    }

    @Test
    void aRoundSizeCheckTheHarnessRefusesIsRecordedAsNotRunAndTheRunGoesOn() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0, "round-size"), List.of("round-size", "headline"),
                "3", "", "", "", "", false);

        new NativeStep(quiet).run(steps(), record, settings, stage, CAPABLE);

        assertThat(stage.resolve("round-size.json")).doesNotExist();
        assertThat(stage.resolve("native.json")).as("a lone moves matrix is native.json itself").exists();
        assertThat(record.json().path("notRun").findValuesAsText("what")).containsExactly("native round-size");
        assertThat(record.json().path("notRun").findValuesAsText("why")).singleElement().asString()
                .isEqualTo("perfbp-bench round-size exited 3: perfbp-bench: no watchpoint fires here");
        assertThat(record.json().path("steps").findValuesAsText("status")).containsExactly("refused (exit 3)", "ok");
    }

    @Test
    void aRoundSizeCheckTheKernelStopsMidRunIsNotRunWithTheHarnesssOwnReasonNotAGuess() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        Path harness = dir.resolve("perfbp-bench");
        Files.writeString(harness, """
                #!/bin/sh
                echo "perfbp-bench: round-size group 1/1, round 1/6: reopen trapEvery=0, elapsed 0 s, ETA ?" >&2
                echo "perfbp-bench: perf_event_open failed: EMFILE (too many open files): raise ulimit -n" >&2
                echo "perfbp-bench: stopped; nothing written" >&2
                exit 3
                """);
        Files.setPosixFilePermissions(harness, PosixFilePermissions.fromString("rwxr-xr-x"));
        NativeSettings settings = new NativeSettings(harness, List.of("round-size"), "", "", "", false);

        new NativeStep(quiet).run(steps(), record, settings, stage, CAPABLE);

        assertThat(record.json().path("notRun").findValuesAsText("why")).singleElement().asString()
                .isEqualTo("perfbp-bench round-size exited 3: perfbp-bench: perf_event_open failed: EMFILE (too many "
                        + "open files): raise ulimit -n / perfbp-bench: stopped; nothing written")
                .doesNotContain("watchpoint");
    }

    @Test
    void whereWatchpointsNeverFireTheRoundSizeCheckIsLeftOutWithTheProbesReason() throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        NativeSettings settings = new NativeSettings(fakeHarness(0), List.of("trap-anatomy", "round-size"), "", "", "",
                false);

        new NativeStep(quiet).run(steps(), record, settings, stage, NO_TRAPS);

        assertThat(calls()).singleElement().asString().startsWith("trap-anatomy ");
        assertThat(record.json().path("notRun").findValuesAsText("what")).containsExactly("native round-size");
        assertThat(record.json().path("notRun").findValuesAsText("why")).singleElement().asString()
                .startsWith("every move's premise needs a trap");
    }
}
