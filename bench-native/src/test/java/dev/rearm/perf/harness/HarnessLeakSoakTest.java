package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leak soak of the native harness: after many moves per strategy no perf fd and no perf mapping
 * is left (the harness checks /proc/self after every group and stops the run, exit non-zero, on
 * a leak there: settings.leakCheck says so), and the process holds exactly the number of fds
 * ({@code /proc/self/fd}) it held before its first measured group, as native.json's
 * processResources records. Its mapping counts are printed, not compared: glibc's malloc and the
 * loader map and unmap on their own, and a ring of ours is a perf mapping, which the harness
 * counts. {@code mvn test} runs 10,000 moves per strategy; the million-move soak is tagged "soak"
 * and runs in {@code mvn verify}. That account is the harness's own, so it is trusted only because
 * a real leak (perfbp-refuse --leak-mappings: munmap returns 0 and unmaps nothing) is seen to stop
 * the run.
 */
@Tag(KernelSupport.TRAPS_TAG)
class HarnessLeakSoakTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsTraps() {
        Harness.assumeTraps();
    }

    @Test
    void tenThousandMovesPerStrategyLeaveNoPerfFdOrMappingAndTheFdCountWhereItStarted() {
        soak(1_000, 10);
    }

    @Tag("soak")
    @Test
    void aMillionMovesPerStrategyLeaveNoPerfFdOrMappingAndTheFdCountWhereItStarted() {
        soak(100_000, 10);
    }

    /** The positive control of the soak: the check that reports "no leak" does see a leak. */
    @Test
    void aRingLeftMappedStopsTheRunAfterItsGroupWithANonZeroExitAndWritesNothing() {
        Path out = dir.resolve("native.json");
        List<String> args = new ArrayList<>(List.of("moves", "--strategy", "modify", "--trapEvery", "0", "--rounds", "1",
                "--warmup", "0", "--iterations", "30", "--out", out.toString()));
        HarnessRun leaked = Harness.runRefused(List.of("--leak-mappings"), args);

        assertThat(leaked.exitCode()).as(leaked.stderr()).isEqualTo(1);
        assertThat(leaked.stderrLines()).as(leaked.stderr()).last().asString()
                .matches("perfbp-bench: after scenario 1, \\d+ perf fds and [1-9]\\d* perf mappings are still open .*")
                .endsWith("a leak in the harness; nothing written");
        assertThat(out).doesNotExist();
    }

    private void soak(int iterations, int rounds) {
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--strategy", "reopen,modify", "--trapEvery", "1000",
                "--iterations", String.valueOf(iterations), "--rounds", String.valueOf(rounds), "--warmup", "0");

        JsonNode resources = doc.path("processResources");
        for (JsonNode result : doc.path("results")) {
            long moves = result.path("traps").path("ops").asLong(); // the rounds' and the phase pass's
            assertThat(moves - result.path("phaseOps").asLong()).as("measured moves of %s", result.path("strategy"))
                    .isEqualTo((long) iterations * rounds);
            assertThat(result.path("traps").path("observed").asLong()).as("the moves really moved a live watchpoint")
                    .isEqualTo(result.path("traps").path("expected").asLong()).isPositive();
            System.out.printf("native soak %s: %d moves (%d of them in the phase pass), fds %d -> %d, mappings %d -> %d%n",
                    result.path("strategy").asText(), moves, result.path("phaseOps").asLong(),
                    resources.path("fdsBefore").asInt(), resources.path("fdsAfter").asInt(),
                    resources.path("mappingsBefore").asInt(), resources.path("mappingsAfter").asInt());
        }
        assertThat(doc.path("results")).hasSize(2);
        assertThat(doc.path("settings").path("leakCheck").asText())
                .as("the harness checked for perf fds and perf mappings after every group (runTiny saw exit 0)")
                .contains("no perf fd and no perf mapping");
        assertThat(resources.path("fdsBefore").asInt()).isPositive();
        assertThat(resources.path("fdsAfter").asInt()).as("open fds").isEqualTo(resources.path("fdsBefore").asInt());
    }
}
