package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When the kernel refuses (made to, for real, by perfbp-refuse's seccomp filter), the harness
 * exits 3 with the same explanation the Java side gives, and writes nothing.
 */
@Tag(KernelSupport.TRAPS_TAG)
class KernelRefusalTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsWatchpoints() {
        Harness.assumeWatchpoints();
        assertThat(Harness.REFUSE).as("perfbp-refuse is built by make all").isExecutable();
    }

    private List<String> tinyRunTo(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("moves"));
        all.addAll(Harness.TINY);
        all.addAll(List.of(args));
        all.add("--out");
        all.add(out.toString());
        return all;
    }

    @ParameterizedTest(name = "perf_event_open refused with {0}")
    @CsvSource({
        "EACCES, perf_event_paranoid",
        "EPERM, CAP_PERFMON",
        "ENOENT, no hardware breakpoint PMU",
        "ENOSYS, seccomp",
    })
    void refusedOpenExitsThreeWithWhatToDo(String errno, String advice) throws Exception {
        Path out = dir.resolve("native.json");
        Files.writeString(out, "earlier run");

        HarnessRun run = Harness.runRefused(List.of("--open", errno), tinyRunTo(out));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderr()).contains("perf_event_open failed with " + errno, advice);
        assertThat(out).as("an earlier result survives a refused run").hasContent("earlier run");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void kernelWithoutTheModifyIoctlRefusesModifyAndSaysReopenStillRuns() {
        Path out = dir.resolve("native.json");

        HarnessRun run = Harness.runRefused(List.of("--modify", "ENOTTY"), tinyRunTo(out));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderr()).contains("PERF_EVENT_IOC_MODIFY_ATTRIBUTES", "ENOTTY", "4.17", "--strategy reopen");
        assertThat(out).doesNotExist();
    }

    @Test
    void kernelWithoutTheModifyIoctlStillRunsReopen() {
        Harness.assumeTraps();
        Path out = dir.resolve("native.json");

        HarnessRun run = Harness.runRefused(List.of("--modify", "ENOTTY"), tinyRunTo(out, "--strategy", "reopen"));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = Harness.read(out);
        assertThat(doc.path("env").path("modifyAttributes").path("supported").asBoolean()).isFalse();
        doc.path("results").forEach(r -> assertThat(r.path("strategy").asText()).isEqualTo("reopen"));
    }
}
