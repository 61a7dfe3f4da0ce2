package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leak soak of the native harness: after many moves per strategy the process holds exactly the
 * fds ({@code /proc/self/fd}) and mappings ({@code /proc/self/maps}) it held before its first
 * measured group, as native.json's processResources records. (Every group is also checked for
 * perf fds and perf mappings left open; a leak there stops the run.) {@code mvn test} runs
 * 10,000 moves per strategy; the million-move soak is tagged "soak" and runs in {@code mvn verify}.
 * One thread: a pthread's stack stays cached by glibc after the thread ends, which is not a leak.
 */
class HarnessLeakSoakTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsTraps() {
        Harness.assumeTraps();
    }

    @Test
    void tenThousandMovesPerStrategyLeaveFdAndMappingCountsWhereTheyStarted() {
        soak(1_000, 10);
    }

    @Tag("soak")
    @Test
    void aMillionMovesPerStrategyLeaveFdAndMappingCountsWhereTheyStarted() {
        soak(100_000, 10);
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
        assertThat(resources.path("fdsBefore").asInt()).isPositive();
        assertThat(resources.path("fdsAfter").asInt()).as("open fds").isEqualTo(resources.path("fdsBefore").asInt());
        assertThat(resources.path("mappingsBefore").asInt()).isPositive();
        assertThat(resources.path("mappingsAfter").asInt()).as("mappings")
                .isEqualTo(resources.path("mappingsBefore").asInt());
    }
}
