package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.linux.Binding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a stand-in benchmarks.jar (a shell script), never a benchmark: benchmarks.jar's exit 3
 * ("cannot measure here": no watchpoint fires) leaves that run out of the measurement, listed in
 * run.json's notRun in benchmarks.jar's words, instead of failing the whole run.
 */
class JmhStepTest {
    private static final String REFUSAL = "benchmarks.jar: HeadlineBenchmark.move needs a store under a watchpoint "
            + "to trap, and here no trap fires; nothing run (BindingFloorBenchmark needs no trap and still runs)";
    private static final JmhSettings SETTINGS = new JmhSettings(1, 0, "100ms", 1, "100ms",
            "HeadlineBenchmark|BindingFloorBenchmark", List.of());

    @TempDir
    Path dir;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    private final RunRecord record = BlankRunRecord.start();

    @Test
    void aRunBenchmarksJarCannotMeasureHereIsListedAsNotRunAndTheOtherRunsStillMakeJmhJson() throws IOException {
        JmhPlan plan = JmhPlan.of(BenchmarkCatalog.compiledIn(), SETTINGS, EnvFacts.capable(2, 4, Map.of()));
        assertThat(plan.runs()).extracting(JmhRun::label).containsExactly("claims", "suite");

        Path stage = runInStage(plan, "case \"$*\" in *HeadlineBenchmark*) echo '" + REFUSAL + "' >&2; exit 3 ;; esac");

        assertThat(JsonFiles.read(stage.resolve("jmh.json")).findValuesAsText("benchmark")).isNotEmpty()
                .allSatisfy(name -> assertThat(name).contains("BindingFloorBenchmark"));
        JsonNode notRun = record.json().path("notRun").get(0);
        assertThat(notRun.path("what").asText()).isEqualTo("JMH claims");
        assertThat(notRun.path("why").asText()).isEqualTo("benchmarks.jar exited 3: " + REFUSAL);
        assertThat(notRun.path("harness").asText()).isEqualTo("jmh");
        assertThat(notRun.path("commands")).extracting(JsonNode::asText)
                .containsExactly("dev.rearm.jmh.benchmarks.HeadlineBenchmark.move");
        assertThat(record.json().path("steps").findValuesAsText("status")).containsExactly("refused (exit 3)", "ok");
    }

    @Test
    void whereBenchmarksJarCannotMeasureAnyRunTheJmhStepIsSkippedWithoutJmhJson() throws IOException {
        JmhPlan plan = JmhPlan.of(BenchmarkCatalog.compiledIn(), SETTINGS, EnvFacts.capable(2, 4, Map.of()));

        Path stage = runInStage(plan, "echo '" + REFUSAL + "' >&2; exit 3");

        assertThat(stage.resolve("jmh.json")).doesNotExist();
        assertThat(stage.resolve("jmh-parts")).doesNotExist();
        assertThat(record.json().path("notRun").findValuesAsText("what")).containsExactly("JMH claims", "JMH suite");
        assertThat(record.json().path("steps").findValuesAsText("status"))
                .containsExactly("refused (exit 3)", "refused (exit 3)", "skipped");
    }

    /** A stand-in benchmarks.jar that runs {@code body} (sh), then writes a one-result JSON to its -rff file. */
    private Path runInStage(JmhPlan plan, String body) throws IOException {
        Path jar = dir.resolve("benchmarks");
        Files.writeString(jar, "#!/bin/sh\n" + body + """

                while [ $# -gt 0 ]; do [ "$1" = "-rff" ] && o="$2"; shift; done
                printf '[{"benchmark": "dev.rearm.jmh.benchmarks.BindingFloorBenchmark.gettid"}]' > "$o"
                """);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path stage = Files.createDirectory(dir.resolve("stage"));
        new JmhStep(quiet, List.of(jar.toString())).run(new StepRunner(quiet, record, dir, Clock.systemUTC()), record,
                plan, SETTINGS, Binding.values()[0], stage);
        return stage;
    }
}
