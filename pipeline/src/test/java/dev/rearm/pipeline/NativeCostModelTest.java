package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The native side of the ETA, from dry-run listings: no benchmark runs, no timing is asserted. */
class NativeCostModelTest {
    private static final String HEADER = "perfbp-bench dry run: matrix headline, 2 scenarios in 1 interleaved groups, "
            + "2+10 rounds of 10000 ops";
    private static final String ROUND_SIZE_HEADER = "perfbp-bench round-size dry run: headline, 2 scenarios in 1 "
            + "interleaved groups, 6 rounds of sizes 2000, 10000 ops, each batch after 1 dropped";
    private final NativeCostModel twoCpus = new NativeCostModel(2);

    @Test
    void aMatrixCostsItsScenariosRoundsAndOpsTimesEachOpsCost() {
        double seconds = twoCpus.seconds(List.of(HEADER,
                "machine: Linux 6.18, AMD EPYC (hypervisor), 2 CPUs, 4 debug registers, modify ioctl works",
                "   1 reopen                 trapEvery=0 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1",
                "   2 modify                 trapEvery=0 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1"));

        assertThat(seconds).isCloseTo(NativeCostModel.START_SECONDS + 12.0 * 10_000 * (19_000 + 2_000) / 1e9, within(1e-9));
    }

    @Test
    void scenariosTheHarnessWillNotRunCostOnlyItsStart() {
        double seconds = twoCpus.seconds(List.of(HEADER,
                "   1 reopen                 trapEvery=0 notify=signal pages=512 bpType=RW bpLen=1 threads=1 slots=1"
                        + "  (not run: needs 2052 KiB locked, limit is 1096 KiB)"));

        assertThat(seconds).isEqualTo(NativeCostModel.START_SECONDS);
    }

    @Test
    void reopenGrowsWithTheRingAndTrapsAddTheirShare() {
        assertThat(twoCpus.opNanos("reopen", Map.of("pages", "512"))).isCloseTo(938_800, within(1.0));
        assertThat(twoCpus.opNanos("modify", Map.of("trapEvery", "1", "notify", "signal"))).isEqualTo(28_000);
        assertThat(twoCpus.opNanos("modify", Map.of("trapEvery", "10", "notify", "none"))).isEqualTo(2_900);
    }

    @Test
    void threadsBeyondTheCpusQueue() {
        NativeCostModel oneCpu = new NativeCostModel(1);

        assertThat(oneCpu.opNanos("modify", Map.of("threads", "2"))).isEqualTo(2 * twoCpus.opNanos("modify", Map.of()));
        assertThat(twoCpus.opNanos("modify", Map.of("threads", "2"))).isEqualTo(twoCpus.opNanos("modify", Map.of()));
    }

    @Test
    void theProfilerCostsItsFixedWorkPerRoundWithTheToolsOverhead() {
        double seconds = twoCpus.seconds(List.of(
                "perfbp-bench dry run: matrix profiler, 0 scenarios in 0 interleaved groups, 2+10 rounds of 10000 ops",
                "profiler: 3 workloads x 10 runs, 2+10 rounds of ~75 ms of work each, 4 watchpoint slots; hardware PMU: no",
                "   1 profiler none     workload=hash"));

        assertThat(seconds).isCloseTo(NativeCostModel.START_SECONDS + 3 * 10 * 12 * 0.075 * NativeCostModel.PROFILER_OVERHEAD,
                within(1e-9));
    }

    @Test
    void outputItCannotReadEstimatesNothing() {
        assertThat(twoCpus.seconds(List.of("perfbp-bench moves: 4 scenarios"))).isZero();
    }

    @Test
    void aTimeSizedRoundCostsItsTargetTimesRoundsTimesMembers() {
        double seconds = twoCpus.seconds(List.of(
                "perfbp-bench dry run: matrix headline, 2 scenarios in 1 interleaved groups, 2+10 rounds of ~50 ms",
                "   1 reopen                 trapEvery=0 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1",
                "   2 modify                 trapEvery=0 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1"));

        assertThat(seconds).isCloseTo(NativeCostModel.START_SECONDS + 12 * 0.050 * 2, within(1e-9));
    }

    @Test
    void aTimeSizedRoundOfSlowOpsCostsItsFloorOfOps() {
        double seconds = twoCpus.seconds(List.of(
                "perfbp-bench dry run: matrix pages, 1 scenarios in 1 interleaved groups, 2+10 rounds of ~50 ms "
                        + "(at least 1000 ops)",
                "   1 reopen                 trapEvery=0 notify=signal pages=512 bpType=RW bpLen=1 threads=1 slots=1"));

        assertThat(seconds).as("1000 ops x 938.8 us = 0.94 s per round, above the 50 ms target")
                .isCloseTo(NativeCostModel.START_SECONDS + 12.0 * 1000 * 938_800 / 1e9, within(1e-9));
    }

    @Test
    void aDryRunThatDoesNotStateTheTargetTakesThePipelinesRoundTimeAndFloor() {
        NativeCostModel asked = new NativeCostModel(2, NativeCostModel.RoundTime.of("20", "100"));
        List<String> plan = List.of("perfbp-bench dry run: matrix x, 2 scenarios in 1 interleaved groups, 1+3 rounds",
                "   1 modify                 trapEvery=0 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1",
                "   2 reopen                 trapEvery=0 notify=signal pages=512 bpType=RW bpLen=1 threads=1 slots=1");

        assertThat(asked.seconds(plan)).as("modify at its 20 ms target; the 512-page reopen at 100 x 938.8 us")
                .isCloseTo(NativeCostModel.START_SECONDS + 4 * 0.020 + 4.0 * 100 * 938_800 / 1e9, within(1e-9));
        assertThat(twoCpus.seconds(plan)).as("nothing asked: the harness's default target")
                .isCloseTo(NativeCostModel.START_SECONDS + 2 * 4 * NativeCostModel.DEFAULT_ROUND_MS / 1e3, within(1e-9));
    }

    @Test
    void theRoundSizeCheckCostsEachSizeTimesRoundsTimesWarmupPlusOneBatchesOfEachScenariosOp() {
        double seconds = twoCpus.roundSizeSeconds(List.of(ROUND_SIZE_HEADER,
                "   1 reopen                 trapEvery=0 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1",
                "   2 modify                 trapEvery=0 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1"));

        assertThat(seconds).as("(2000 + 10000) ops x 6 rounds x (1 dropped + 1 measured) batches")
                .isCloseTo(NativeCostModel.START_SECONDS + 12_000.0 * 6 * 2 * (19_000 + 2_000) / 1e9, within(1e-9));
        assertThat(twoCpus.roundSizeSeconds(List.of(ROUND_SIZE_HEADER))).as("no scenario listed").isZero();
        assertThat(twoCpus.roundSizeSeconds(List.of(HEADER,
                "   1 modify                 trapEvery=0 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1")))
                .as("a moves dry run states no round-size plan").isZero();
    }

    @Test
    void roundTimePropertiesThatAreNoNumberCountAsUnset() {
        assertThat(NativeCostModel.RoundTime.of("", " ")).isEqualTo(NativeCostModel.RoundTime.UNSET);
        assertThat(NativeCostModel.RoundTime.of("fast", "-3")).isEqualTo(NativeCostModel.RoundTime.UNSET);
    }

    /**
     * Pins the dry run's format this model reads to the harness as built: a changed format fails
     * here. Every scenario line the dry run lists must cost something on its own, and the whole
     * listing what its lines cost one by one, so a line the model cannot read cannot hide behind
     * the others.
     */
    @Test
    void theBuiltHarnesssDryRunIsReadableLineByLine() throws IOException, InterruptedException {
        List<String> headline = dryRun("headline");
        List<String> scenarios = headline.stream().filter(line -> line.matches("^\\s*\\d+ .*trapEvery=.*")).toList();
        List<String> plan = headline.stream().filter(line -> !scenarios.contains(line)).toList();

        assertThat(scenarios).as("the headline's scenario lines in%n%s", String.join("\n", headline)).isNotEmpty();
        double sum = 0;
        for (String scenario : scenarios) {
            List<String> alone = new java.util.ArrayList<>(plan);
            alone.add(scenario);
            double cost = twoCpus.seconds(alone) - NativeCostModel.START_SECONDS;
            assertThat(cost).as("what the model reads of %s", scenario).isPositive();
            sum += cost;
        }
        assertThat(twoCpus.seconds(headline)).as("the listing costs what its lines cost")
                .isCloseTo(NativeCostModel.START_SECONDS + sum, within(1e-9));
        assertThat(twoCpus.seconds(dryRun("profiler"))).isGreaterThan(NativeCostModel.START_SECONDS);
    }

    /**
     * The round-size check's estimate reads the built harness's own round-size dry run, with the
     * rounds and warm-up the pipeline passes: its 2 trapEvery=0 scenarios, not the headline's 4.
     */
    @Test
    void theRoundSizeChecksEstimateReadsTheBuiltHarnesssRoundSizeDryRun() {
        NativeSettings settings = new NativeSettings(MeasureChild.NATIVE_BUILD.resolve("perfbp-bench"),
                List.of(NativeStep.ROUND_SIZE), "2", "", "1", false);
        NativeStep.Matrix roundSize = new NativeStep.Matrix("native harness, round-size (1/1)", NativeStep.ROUND_SIZE,
                List.of());

        assertThat(NativeStep.estimateSeconds(settings, roundSize, twoCpus))
                .as("reopen + modify at trapEvery=0, (2000 + 10000) ops x 2 rounds x (1 + 1) batches")
                .isCloseTo(NativeCostModel.START_SECONDS + 12_000.0 * 2 * 2 * (19_000 + 2_000) / 1e9, within(1e-9));
    }

    private static List<String> dryRun(String matrix) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(MeasureChild.NATIVE_BUILD.resolve("perfbp-bench").toString()));
        command.addAll(matrix.equals("profiler") ? List.of("profiler") : List.of("moves", "--matrix", matrix));
        command.add("--dry-run");
        Process dryRun = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(dryRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(dryRun.waitFor()).as(String.join("\n", lines)).isZero();
        return lines;
    }
}
