package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.KernelVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * notify=sigtrap in the native harness: attr.sigtrap, no ring (pages 0, --pages refused beside an
 * explicit --notify sigtrap), in the notify matrix beside none and signal, and a premise of one
 * SIGTRAP per trapping op, each with the tag of the address its op armed.
 */
@Tag(KernelSupport.TRAPS_TAG)
class SigtrapNotifyTest {
    @TempDir
    Path dir;

    private static List<String> dryRunScenarios(String... args) {
        List<String> all = new ArrayList<>(List.of("moves", "--dry-run"));
        all.addAll(List.of(args));
        return Harness.dryRunScenarios(all);
    }

    @Test
    void pagesBesideAnExplicitSigtrapIsRefusedInOneLineBeforeAnythingRuns() {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--notify", "sigtrap", "--pages", "8");

        RefusedInput.assertRefusedInOneLine(dir, run, "--pages 8", "--notify sigtrap", "maps no ring",
                "no --pages with --notify sigtrap");
    }

    @Test
    void pagesListBesideSigtrapAmongOtherNotificationsIsRefusedToo() {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--notify", "signal,sigtrap", "--pages", "1,8");

        RefusedInput.assertRefusedInOneLine(dir, run, "--pages 1,8", "--notify sigtrap");
    }

    @Test
    void unknownNotifyModeListsSigtrapAmongTheValidOnes() {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--notify", "bogus");

        RefusedInput.assertRefusedInOneLine(dir, run, "--notify bogus", "none, signal, sigtrap");
    }

    @Test
    void sigtrapWithoutPagesRunsReopenAndModifyWithPagesZero() {
        Harness.assumeWatchpoints();

        assertThat(dryRunScenarios("--notify", "sigtrap")).containsExactly(
                "reopen trapEvery=0 notify=sigtrap pages=0 bpType=RW bpLen=1 threads=1 slots=1",
                "modify trapEvery=0 notify=sigtrap pages=0 bpType=RW bpLen=1 threads=1 slots=1",
                "reopen trapEvery=1 notify=sigtrap pages=0 bpType=RW bpLen=1 threads=1 slots=1",
                "modify trapEvery=1 notify=sigtrap pages=0 bpType=RW bpLen=1 threads=1 slots=1");
    }

    @Test
    void notifyMatrixRunsNoneSignalAndSigtrapForReopenAndModifyAtBothTrapRates() {
        Harness.assumeWatchpoints();
        List<String> notify = dryRunScenarios("--matrix", "notify");

        assertThat(notify).hasSize(12);
        for (String strategy : List.of("reopen", "modify")) {
            for (String trapEvery : List.of("0", "1")) {
                String prefix = strategy + " trapEvery=" + trapEvery + " notify=";
                assertThat(notify).anyMatch(line -> line.startsWith(prefix + "none pages=1 "))
                        .anyMatch(line -> line.startsWith(prefix + "signal pages=1 "))
                        .anyMatch(line -> line.startsWith(prefix + "sigtrap pages=0 "));
            }
        }
    }

    @Test
    void pagesFromTheOptionsLeaveTheNotifyMatrixsSigtrapWithoutARing() {
        Harness.assumeWatchpoints();
        List<String> notify = dryRunScenarios("--matrix", "notify", "--pages", "8");

        assertThat(notify).filteredOn(line -> line.contains("notify=sigtrap ")).hasSize(4)
                .allMatch(line -> line.contains(" pages=0 "));
        assertThat(notify).filteredOn(line -> !line.contains("notify=sigtrap ")).hasSize(8)
                .allMatch(line -> line.contains(" pages=8 "));
    }

    /** Skips unless this kernel is (or is not, {@code older} false) older than major.minor, saying why. */
    private static void assumeKernel(boolean older, int major, int minor, String why) {
        Harness.assumeWatchpoints();
        KernelVersion kernel = KernelVersion.running();
        HostPrecondition.assume(kernel.olderThan(major, minor) == older, () -> "Linux " + kernel + " " + why);
    }

    @Test
    void kernelThatTakesSigtrapAndItsModifyRunsEverySigtrapScenario() {
        assumeKernel(false, 5, 17, "predates sig_data by modify (5.17): its sigtrap scenarios are not run");

        assertThat(dryRunScenarios("--notify", "sigtrap", "--strategy", "reopen,modify,disable-modify-enable"))
                .hasSize(6).noneMatch(line -> line.contains("not run"));
    }

    @Test
    void kernelWithoutSigtrapMarksItsScenariosNotRunWithWhy() {
        assumeKernel(true, 5, 13, "has attr.sigtrap (5.13+)");

        assertThat(dryRunScenarios("--notify", "sigtrap")).hasSize(4)
                .allMatch(line -> line.contains("(not run: notify=sigtrap: perf_event_open refused attr.sigtrap"));
    }

    @Test
    void aModifyThatNeverMovesLeavesSigtrapsMissingAndStopsTheRunWithTheCounts() {
        Harness.assumeTraps();
        Path out = dir.resolve("native.json");
        List<String> args = new ArrayList<>(List.of("moves", "--strategy", "modify", "--notify", "sigtrap",
                "--trapEvery", "1", "--out", out.toString()));
        args.addAll(Harness.TINY);

        HarnessRun lied = Harness.runRefused(List.of("--modify", "LIE"), args);

        assertThat(lied.exitCode()).as(lied.stderr()).isEqualTo(1);
        assertThat(lied.stderr()).contains("premise failed: modify", "notify=sigtrap", "warm-up round 1",
                "SIGTRAPs 0, 0 of them with another address's tag",
                "perfbp-bench: stopped at scenario 1/1: premise failed (modify ", "; nothing written");
        assertThat(out).doesNotExist();
    }

    /** The kernel test: the notify matrix, tiny, and every sigtrap entry's premise fields. */
    @Test
    void notifyMatrixsSigtrapEntriesShowOneTaggedSigtrapPerTrappingOp() {
        Harness.assumeTraps();
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "moves", "--matrix", "notify");
        JsonNode env = doc.path("env");
        List<JsonNode> sigtrap = new ArrayList<>();
        doc.path("results").forEach(r -> {
            if (r.path("notify").asText().equals("sigtrap")) {
                sigtrap.add(r);
            }
        });

        assertThat(sigtrap).hasSize(4);
        for (JsonNode r : sigtrap) {
            assertThat(r.path("pages").asInt()).isZero();
            boolean modifies = r.path("strategy").asText().equals("modify");
            boolean runs = env.path("sigtrap").path("supported").asBoolean()
                    && (!modifies || env.path("sigDataModify").path("supported").asBoolean());
            if (!runs) {
                assertThat(r.path("status").asText()).isEqualTo("not run");
                assertThat(r.path("reason").asText()).startsWith("notify=sigtrap");
                continue;
            }
            assertThat(r.path("status").asText()).as("%s", r).isEqualTo("ok");
            JsonNode traps = r.path("traps");
            int batches = Harness.tinyWarmup() + Harness.tinyRounds() + (modifies ? 0 : 1);
            long expected = (long) r.path("trapEvery").asInt() * Harness.tinyIterations() * batches;
            assertThat(traps.path("expected").asLong()).isEqualTo(expected);
            assertThat(traps.path("observedBy").asText()).isEqualTo("sigtrap");
            assertThat(traps.path("observed").asLong()).isEqualTo(expected);
            assertThat(traps.path("signals").asLong()).isEqualTo(expected);
            assertThat(traps.path("tagMismatches").asLong()).isZero();
            assertThat(r.path("liveness").path("checks").asLong()).isEqualTo(batches);
        }
    }
}
