package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.KernelSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole measure step on a kernel that refuses, for real: perfbp-refuse's seccomp filter makes
 * the kernel answer the modify ioctl with ENOTTY (a kernel before 4.17) or perf_event_open with
 * EPERM (a container profile), for the probe, the harness and every JMH fork alike. The step
 * does not die: what is refused is left out with the reason in run.json, the rest is measured,
 * and the analysis renders a report that lists the refused part as not measured.
 */
@Tag(KernelSupport.TRAPS_TAG)
class RefusingKernelPipelineTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsWatchpointsAndTheLauncher() {
        assertThat(MeasureChild.REFUSE).as("perfbp-refuse is built by bench-native's make").isExecutable();
        MeasureChild.assumeWatchpointsHere();
    }

    @Test
    void withoutTheModifyIoctlReopenIsMeasuredAndModifyIsReportedNotMeasured() throws IOException {
        MeasureChild.assumeTrapsHere();
        MeasureChild.Result run = measureUnder("--modify", "ENOTTY", "HeadlineBenchmark", "-p trapEvery=0 -p notify=none");

        assertThat(run.exit()).as(run.console()).isZero();
        Path stage = MeasureChild.stagedRun(dir.resolve("handoff.properties"));
        assertThat(JsonFiles.read(stage.resolve("env.json")).path("modifyAttributes").path("supported").asBoolean())
                .as("the probe met the refusal").isFalse();
        JsonNode nativeResults = JsonFiles.read(stage.resolve("native.json")).path("results");
        assertThat(nativeResults).isNotEmpty().allSatisfy(r -> assertThat(r.path("strategy").asText()).isEqualTo("reopen"));
        JsonNode jmh = JsonFiles.read(stage.resolve("jmh.json"));
        assertThat(jmh).isNotEmpty().allSatisfy(entry ->
                assertThat(entry.path("params").path("strategy").asText()).isEqualTo("reopen"));
        assertThat(notRun(stage)).anySatisfy(line -> assertThat(line).startsWith("native strategy=modify")
                .contains("ENOTTY")).anySatisfy(line -> assertThat(line)
                .startsWith("JMH HeadlineBenchmark strategy=modify: the modify ioctl is refused here").contains("ENOTTY"));

        String report = report(stage);
        assertThat(report).contains("What could not run, and why")
                .containsPattern("`JMH HeadlineBenchmark strategy=modify`: .*ENOTTY")
                .containsPattern("`native strategy=modify \\(every matrix\\)`: .*ENOTTY")
                .contains("reopen");
    }

    @Test
    void withoutPerfEventOpenTheHarnessIsSkippedAndOnlyTheBindingFloorRuns() throws IOException {
        MeasureChild.Result run = measureUnder("--open", "EPERM", "HeadlineBenchmark|BindingFloorBenchmark.gettid", "");

        assertThat(run.exit()).as(run.console()).isZero();
        Path stage = MeasureChild.stagedRun(dir.resolve("handoff.properties"));
        assertThat(stage.resolve("native.json")).doesNotExist();
        // One entry per binding (jni, jna): the floor needs no watchpoint, so it still runs.
        assertThat(JsonFiles.read(stage.resolve("jmh.json"))).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.path("benchmark").asText()).endsWith("BindingFloorBenchmark.gettid"));
        assertThat(notRun(stage)).anySatisfy(line -> assertThat(line).startsWith("native harness, every scenario")
                .contains("EPERM")).anySatisfy(line -> assertThat(line).startsWith("JMH HeadlineBenchmark.move")
                .contains("EPERM"));

        assertThat(report(stage)).containsPattern("`native harness, every scenario`: .*EPERM")
                .containsPattern("`JMH HeadlineBenchmark.move`: .*EPERM");
    }

    private MeasureChild.Result measureUnder(String call, String errno, String include, String jmhArgs) {
        MeasureChild.Result run = new MeasureChild(dir.resolve("latest"), dir.resolve("handoff.properties"))
                .under(List.of(MeasureChild.REFUSE.toString(), call, errno, "--"))
                .include(include, jmhArgs).run(dir.resolve("console.txt"));
        HostPrecondition.assume(!(run.exit() == 1 && run.console().startsWith("perfbp-refuse: cannot install")),
                () -> "no seccomp filter here, so no refusal can be produced: " + run.console().trim());
        return run;
    }

    private String report(Path stage) throws IOException {
        Path reportDir = dir.resolve("report");
        MeasureChild.Result analysis = MeasureChild.analyse(stage, reportDir, dir.resolve("analysis.txt"));
        assertThat(analysis.exit()).as(analysis.console()).isZero();
        assertThat(reportDir.resolve("report.html")).exists();
        return Files.readString(reportDir.resolve("report.md"));
    }

    private static List<String> notRun(Path stage) {
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : JsonFiles.read(stage.resolve("run.json")).path("notRun")) {
            lines.add(entry.path("what").asText() + ": " + entry.path("why").asText());
        }
        return lines;
    }
}
