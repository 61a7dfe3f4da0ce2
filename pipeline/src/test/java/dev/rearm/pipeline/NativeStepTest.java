package dev.rearm.pipeline;

import static dev.rearm.pipeline.FakeHarness.calls;
import static dev.rearm.pipeline.FakeHarness.fakeHarness;
import static dev.rearm.pipeline.FakeHarness.fakeHarnessExiting;
import static dev.rearm.pipeline.FakeHarness.fakeHarnessRefusing;
import static dev.rearm.pipeline.FakeHarness.fakeHarnessRunning;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a stand-in harness ({@link FakeHarness}: a shell script writing a native.json), never a benchmark. */
class NativeStepTest {
    private static final EnvFacts CAPABLE = EnvFacts.capable(2, 4, Map.of());
    private static final EnvFacts NO_TRAPS = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.TRAPS, "0 of 1 stores counted"),
            Map.of(), null);
    @TempDir
    Path dir;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    private final RunRecord record = BlankRunRecord.start();

    @Test
    void severalMatricesEndAsOneNativeJsonWithEveryResult() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("headline", "pages"), "3", "", "",
                false);

        Path stage = runInStage(settings, CAPABLE);

        assertThat(JsonFiles.read(stage.resolve("native.json")).path("results").findValuesAsText("matrix"))
                .containsExactly("headline", "pages");
        assertThat(filesIn(stage)).containsExactly(stage.resolve("native.json"));
        assertThat(record.json().path("native").path("matrices")).hasSize(2);
    }

    @Test
    void eachMovesMatrixRunsOncePerForkAndNativeJsonSaysWhichProcessMeasuredEachMoveResult() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("headline", "profiler"), "3", "", "", "",
                "", false, 3);

        Path stage = runInStage(settings, CAPABLE);

        assertThat(calls(dir))
                .extracting(call -> call.split(" ")[0] + " " + call.split(" ")[call.startsWith("moves") ? 2 : 0])
                .containsExactly("moves headline", "profiler profiler", "moves headline", "moves headline");
        JsonNode nativeJson = JsonFiles.read(stage.resolve("native.json"));
        assertThat(nativeJson.path("forks").asInt()).isEqualTo(3);
        assertThat(nativeJson.path("results")).extracting(result -> result.path("matrix").asText() + " "
                        + (result.has("fork") ? result.path("fork").asText() : "-"))
                .containsExactly("headline 0", "profiler -", "headline 1", "headline 2");
        assertThat(filesIn(stage)).containsExactly(stage.resolve("native.json"));
        assertThat(record.json().path("native").path("matrices")).hasSize(2);
        assertThat(record.json().path("native").path("forks").asInt()).isEqualTo(3);
    }

    @Test
    void oneForkLeavesNativeJsonAsBeforeWithNoForkKeys() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("headline", "pages"), "3", "", "", "",
                "", false, 1);

        Path stage = runInStage(settings, CAPABLE);

        JsonNode nativeJson = JsonFiles.read(stage.resolve("native.json"));
        assertThat(nativeJson.has("forks")).isFalse();
        assertThat(nativeJson.path("results").findValues("fork")).isEmpty();
    }

    @Test
    void theForksRunOneBeforeTheJmhPartOneWhereHalfItsEstimatedTimeHasPassedAndOneAfterIt() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("all", "profiler"), "3", "", "", "",
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
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("all", "profiler"), "3", "", "", "",
                "", false, 3);
        List<NativeStep.Matrix> plan = new NativeStep(quiet).plan(record, settings, CAPABLE);
        List<JmhRun> runs = List.of(new JmhRun("claims", List.of(), Map.of(), List.of()), new JmhRun("suite", List.of(), Map.of(), List.of()));
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
        NativeSettings settings = new NativeSettings(fakeHarnessExiting(dir, 3), List.of("headline"), "", "", "",
                false);

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
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("headline", "profiler", "trap-anatomy"),
                "", "", "", false);

        Path stage = runInStage(settings, NO_TRAPS);

        assertThat(calls(dir)).singleElement().asString().startsWith("trap-anatomy ");
        assertThat(record.json().path("native").path("matrices").toString()).isEqualTo("[\"trap-anatomy\"]");
        assertThat(record.json().path("notRun").findValuesAsText("what"))
                .containsExactly("native matrix headline", "native profiler");
        assertThat(record.json().path("notRun").findValuesAsText("why")).allSatisfy(why -> assertThat(why)
                .startsWith("every move's premise needs a trap").endsWith(": 0 of 1 stores counted"));
    }

    @Test
    void eachNotRunEntryNamesItsHarnessCommandsAndScenarioAsKeys() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("headline", "round-size"), "", "", "",
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
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("all", "profiler"), "", "", "", false);

        runInStage(settings, NO_TRAPS);

        assertThat(dir.resolve("calls.txt")).doesNotExist();
        assertThat(record.json().path("notRun").findValuesAsText("what")).contains("native matrix all", "native profiler");
    }

    @Test
    void withoutTheModifyIoctlTheProfilerRunsItsToolByReopenOnly() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("headline", "profiler"), "", "", "",
                false);
        EnvFacts oldKernel = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.MODIFY, "ENOTTY"), Map.of(), null);

        Path stage = runInStage(settings, oldKernel);

        assertThat(calls(dir)).hasSize(2).allSatisfy(call -> assertThat(call).endsWith("--strategy reopen"));
        assertThat(calls(dir).get(0)).startsWith("moves --matrix headline");
        assertThat(calls(dir).get(1)).startsWith("profiler ").doesNotContain("--matrix");
    }

    @Test
    void aProfilerAloneThatCannotRunLeavesTheHarnessOutWithTheReason() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("profiler"), "", "", "", false);
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

    /** Runs the native step into a fresh stage folder, as the measure step would, and returns the folder. */
    private Path runInStage(NativeSettings settings, EnvFacts env) throws IOException {
        Path stage = Files.createDirectory(dir.resolve("stage"));
        new NativeStep(quiet).run(steps(), record, settings, stage, env);
        return stage;
    }

    /** The files the step left in {@code stage}. */
    private static List<Path> filesIn(Path stage) throws IOException {
        try (Stream<Path> files = Files.list(stage)) {
            return files.toList();
        }
    }

    @Test
    void theTrapAnatomyRunsAsItsOwnCommandWithRoundsAndWarmupAndNoNarrowing() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("headline", "trap-anatomy"), "3", "500",
                "1", false);
        EnvFacts oldKernel = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.MODIFY, "ENOTTY"), Map.of(), null);

        Path stage = runInStage(settings, oldKernel);

        assertThat(calls(dir)).hasSize(2);
        assertThat(calls(dir).get(0)).startsWith("moves --matrix headline --rounds 3 --iterations 500 --warmup 1")
                .endsWith("--strategy reopen");
        assertThat(calls(dir).get(1)).startsWith("trap-anatomy --rounds 3 --warmup 1 --out ")
                .doesNotContain("--iterations").doesNotContain("--strategy");
    }

    @Test
    void theRoundSizeCheckWritesItsOwnFileAndNativeJsonMergesOnlyTheRest() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir),
                List.of("headline", "trap-anatomy", "round-size"), "3", "", "10", "", "1", false);

        Path stage = runInStage(settings, CAPABLE);

        assertThat(calls(dir).get(2))
                .isEqualTo("round-size --rounds 3 --warmup 1 --out " + stage.resolve("round-size.json"));
        assertThat(JsonFiles.read(stage.resolve("native.json")).path("results").findValuesAsText("matrix"))
                .containsExactly("headline", "trap-anatomy");
        assertThat(JsonFiles.read(stage.resolve("round-size.json")).path("results").findValuesAsText("matrix"))
                .containsExactly("round-size");
        assertThat(record.json().path("native").path("roundSizing").asText()).isEqualTo("time");
        assertThat(filesIn(stage))
                .containsExactlyInAnyOrder(stage.resolve("native.json"), stage.resolve("round-size.json"));
    }

    @Test
    void aRoundSizeCheckTheHarnessRefusesIsRecordedAsNotRunAndTheRunGoesOn() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarnessRefusing(dir, "round-size"),
                List.of("round-size", "headline"), "3", "", "", "", "", false);

        Path stage = runInStage(settings, CAPABLE);

        assertThat(stage.resolve("round-size.json")).doesNotExist();
        assertThat(stage.resolve("native.json")).as("a lone moves matrix is native.json itself").exists();
        assertThat(record.json().path("notRun").findValuesAsText("what")).containsExactly("native round-size");
        assertThat(record.json().path("notRun").findValuesAsText("why")).singleElement().asString()
                .isEqualTo("perfbp-bench round-size exited 3: perfbp-bench: no watchpoint fires here");
        assertThat(record.json().path("steps").findValuesAsText("status")).containsExactly("refused (exit 3)", "ok");
    }

    @Test
    void aRoundSizeCheckTheKernelStopsMidRunIsNotRunWithTheHarnesssOwnReasonNotAGuess() throws IOException {
        Path harness = fakeHarnessRunning(dir, """
                echo "perfbp-bench: round-size group 1/1, round 1/6: reopen trapEvery=0, elapsed 0 s, ETA ?" >&2
                echo "perfbp-bench: perf_event_open failed: EMFILE (too many open files): raise ulimit -n" >&2
                echo "perfbp-bench: stopped; nothing written" >&2
                exit 3
                """);
        NativeSettings settings = new NativeSettings(harness, List.of("round-size"), "", "", "", false);

        Path stage = runInStage(settings, CAPABLE);

        assertThat(record.json().path("notRun").findValuesAsText("why")).singleElement().asString()
                .isEqualTo("perfbp-bench round-size exited 3: perfbp-bench: perf_event_open failed: EMFILE (too many "
                        + "open files): raise ulimit -n / perfbp-bench: stopped; nothing written")
                .doesNotContain("watchpoint");
    }

    @Test
    void whereWatchpointsNeverFireTheRoundSizeCheckIsLeftOutWithTheProbesReason() throws IOException {
        NativeSettings settings = new NativeSettings(fakeHarness(dir), List.of("trap-anatomy", "round-size"), "", "",
                "", false);

        Path stage = runInStage(settings, NO_TRAPS);

        assertThat(calls(dir)).singleElement().asString().startsWith("trap-anatomy ");
        assertThat(record.json().path("notRun").findValuesAsText("what")).containsExactly("native round-size");
        assertThat(record.json().path("notRun").findValuesAsText("why")).singleElement().asString()
                .startsWith("every move's premise needs a trap");
    }
}
