package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.ReadableClassPath;
import dev.rearm.perf.testsupport.HostPrecondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measure step as {@code nobody} under {@code ulimit -l 64}: the probe (run as nobody)
 * reports the locked-memory limit, the plan leaves the 512-page ring out of RingPagesBenchmark
 * with "needs N KiB locked, limit is M KiB", the harness reports its 512-page scenarios "not
 * run" with the same figures, and everything else is measured. Root has CAP_IPC_LOCK and is
 * exempt, so this is the only way to meet the limit for real. Skipped where it cannot switch user.
 */
@Tag(KernelSupport.TRAPS_TAG)
class PipelineAsNobodyTest {
    private static final int ULIMIT_KB = 64;

    /** World-readable and -writable: nobody runs from copies here and writes its run here. */
    @TempDir
    Path shared;

    @BeforeEach
    void canRunAsNobody() throws Exception {
        MeasureChild.assumeWatchpointsHere();
        MeasureChild.assumeTrapsHere();
        HostPrecondition.assume(Files.readAllLines(Path.of("/proc/self/status")).stream().anyMatch(l -> l.matches("Uid:\\s+0\\s.*")),
                "switches to the user nobody, so it runs only as root");
        Process check = new ProcessBuilder("sh", "-c", "command -v runuser && id -u nobody")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        HostPrecondition.assume(check.waitFor() == 0, "no runuser or no user nobody here");
        long paranoid = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel/perf_event_paranoid")).get(0).trim());
        HostPrecondition.assume(paranoid >= 0 && paranoid <= 2, "perf_event_paranoid " + paranoid + ": nobody may not watch, "
                + "or no limit is checked");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @Test
    void aRingOverTheLimitIsLeftOutByBothHarnessesWithNeedAndLimitAndTheRestIsMeasured() throws IOException {
        Path copies = Files.createDirectory(shared.resolve("copies"));
        String classPath = ReadableClassPath.copyInto(copies);
        Path harness = Files.copy(MeasureChild.NATIVE_BUILD.resolve("perfbp-bench"), copies.resolve("perfbp-bench"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Path work = Files.createDirectory(shared.resolve("work"));
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));

        MeasureChild.Result run = new MeasureChild(work.resolve("latest"), work.resolve("handoff.properties"))
                .under(List.of("runuser", "-u", "nobody", "--", "sh", "-c", "ulimit -l " + ULIMIT_KB + " && exec \"$0\" \"$@\""))
                .from(classPath, harness, work).matrices("pages").include("RingPages", "")
                .run(shared.resolve("console.txt"));

        assertThat(run.exit()).as(run.console()).isZero();
        Path stage = MeasureChild.stagedRun(work.resolve("handoff.properties"));
        JsonNode env = JsonFiles.read(stage.resolve("env.json"));
        assertThat(env.path("user").asText()).isEqualTo("nobody");
        long limitKb = env.path("lockedMemory").path("limitKb").asLong();
        long needKb = 513L * env.path("pageSize").asInt() / 1024;
        HostPrecondition.assume(needKb > limitKb, "a 512-page ring fits this machine's limit of " + limitKb + " KiB for nobody");

        String expected = "needs " + needKb + " KiB locked, limit is " + limitKb + " KiB";
        assertThat(JsonFiles.read(stage.resolve("run.json")).path("notRun")).singleElement().satisfies(entry -> {
            assertThat(entry.path("what").asText()).isEqualTo("JMH RingPagesBenchmark pages=512");
            assertThat(entry.path("why").asText()).startsWith(expected);
        });
        assertThat(JsonFiles.read(stage.resolve("jmh.json"))).isNotEmpty()
                .noneSatisfy(entry -> assertThat(entry.path("params").path("pages").asText()).isEqualTo("512"));
        // The limit grows with the online CPUs (perf_event_mlock_kb each): with one CPU a 256-page
        // ring is over it too, so each ring is judged by its own need.
        for (JsonNode result : JsonFiles.read(stage.resolve("native.json")).path("results")) {
            long ringNeedKb = (result.path("pages").asLong() + 1) * env.path("pageSize").asInt() / 1024;
            if (ringNeedKb > limitKb) {
                assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("not run");
                assertThat(result.path("reason").asText())
                        .startsWith("needs " + ringNeedKb + " KiB locked, limit is " + limitKb + " KiB");
            } else {
                assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("ok");
            }
        }
    }
}
