package dev.rearm.analysis.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.load.ProfilerCounts;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.load.ProfilerEntry;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.model.CostModel;
import dev.rearm.analysis.model.ReopenBreakdown;
import dev.rearm.analysis.stats.GroupedSample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfilerPredictionTest {
    /** Two rounds of the given CPU ns, and counts summed over both. */
    private static ProfilerEntry entry(String strategy, int rate, double cpuNs, long samples, long armed, long traps) {
        ProfilerCounts counts = new ProfilerCounts(2, samples, armed, 0, traps, traps, traps, 0, 0, 0, Map.of());
        GroupedSample cpu = GroupedSample.ofSingles(new double[] {cpuNs, cpuNs});
        return new ProfilerEntry("hash", strategy, rate, 1000, cpu, cpu, counts);
    }

    private static final ProfilerData DATA = new ProfilerData(List.of(
            entry("none", 0, 1_000_000, 0, 0, 0),
            entry("sampler", 1000, 1_200_000, 20, 0, 0),        // 10 samples a round, 20 us each
            entry("reopen", 1000, 1_700_000, 20, 20, 20),
            entry("modify", 1000, 1_500_000, 20, 20, 20)), false, "none", 75, 4);

    private static final Optional<ReopenBreakdown> PHASES = Optional.of(new ReopenBreakdown(Scenario.HEADLINE,
            Map.of("munmap", 3_000.0, "close", 3_000.0, "open", 4_000.0, "fcntl", 2_000.0, "mmap", 8_000.0)));
    private static final Optional<CostModel> MODEL = Optional.of(new CostModel(20_000, 27_000, 2_000, 26_000));

    @Test
    void eachToolRunIsPredictedAsSamplingArmingTrapsAndDisarmingPerRound() {
        List<ProfilerPrediction.Row> rows = ProfilerPrediction.of(DATA, PHASES, MODEL);

        assertThat(rows).hasSize(2);
        ProfilerPrediction.Row reopen = rows.get(0);
        // per round: 10 samples x 20 us, 10 arms x 14 us, 10 traps x 27 us, 10 disarms x 6 us
        assertThat(reopen.termsNs()).containsEntry("sampling", 200_000.0).containsEntry("arming", 140_000.0)
                .containsEntry("traps", 270_000.0).containsEntry("disarming", 60_000.0);
        assertThat(reopen.predictedNs()).isCloseTo(670_000, within(1e-6));
        assertThat(reopen.measuredNs()).isCloseTo(700_000, within(1e-6));
        assertThat(reopen.relativeError()).isCloseTo(-30_000.0 / 700_000, within(1e-9));
        assertThat(reopen.dominant()).isEqualTo("traps");
        ProfilerPrediction.Row modify = rows.get(1);
        assertThat(modify.termsNs()).containsEntry("arming", 20_000.0).containsEntry("disarming", 20_000.0)
                .containsEntry("traps", 260_000.0);
    }

    @Test
    void withoutThePhasesTheCostModelOrASamplerOnlyRunNothingIsPredicted() {
        assertThat(ProfilerPrediction.of(DATA, Optional.empty(), MODEL)).isEmpty();
        assertThat(ProfilerPrediction.of(DATA, PHASES, Optional.empty())).isEmpty();
        ProfilerData noSampler = new ProfilerData(DATA.entries().stream()
                .filter(e -> !e.strategy().equals("sampler")).toList(), false, "none", 75, 4);
        assertThat(ProfilerPrediction.of(noSampler, PHASES, MODEL)).isEmpty();
    }

    /** A tool run with handler time, timed calls and an after-round probe: two rounds of exact figures. */
    private static ProfilerEntry measuredEntry(String strategy, double cpuNs, long samples, long armed, long replaced,
                                               long traps, long handlerNs, Map<String, ProfilerCounts.PhaseTime> phases,
                                               double afterNs) {
        ProfilerCounts counts = new ProfilerCounts(2, samples, armed, replaced, traps, traps, traps, 0, handlerNs, 0,
                phases);
        GroupedSample cpu = GroupedSample.ofSingles(new double[] {cpuNs - 1000, cpuNs + 1000});
        return new ProfilerEntry("hash", strategy, strategy.equals("none") ? 0 : 1000, 1000, cpu, cpu, counts,
                GroupedSample.ofSingles(new double[] {afterNs, afterNs}));
    }

    private static final ProfilerData MEASURED = new ProfilerData(List.of(
            measuredEntry("none", 1_000_000, 0, 0, 0, 0, 0, Map.of(), 50_000),
            // 10 samples a round, 20 us each; its handler: 2 us a sample, no system call
            measuredEntry("sampler", 1_200_000, 20, 0, 0, 0, 40_000, Map.of(), 51_000),
            // handler 400 us over 2 rounds, of which open + mmap 300 us and a ring read 20 us
            measuredEntry("reopen", 1_800_000, 20, 20, 0, 20, 400_000, Map.of(
                    "open", new ProfilerCounts.PhaseTime(20, 200_000), "mmap", new ProfilerCounts.PhaseTime(20, 100_000),
                    "ringRead", new ProfilerCounts.PhaseTime(20, 20_000)), 58_000)), false, "none", 75, 4);

    @Test
    void theToolsHandlerWorkBeyondItsCallsAndItsCallsBeyondTheMoveLoopsAreAddedAsMeasuredParts() {
        ProfilerPrediction.Row reopen = ProfilerPrediction.of(MEASURED, PHASES, MODEL).get(0);

        // per round: handler 200 us less calls 150 us = 50 us, less 10 samples x the sampler's 2 us
        assertThat(part(reopen, ProfilerPrediction.HANDLER_WORK)).isCloseTo(30_000, within(1e-6));
        // per round: calls 150 us less the move loop's 10 arms x 14 us and 10 disarms x 6 us
        assertThat(part(reopen, ProfilerPrediction.SYSCALLS_IN_TOOL)).isCloseTo(150_000 - 200_000, within(1e-6));
        // the probe after a reopen round less after a no-tool round
        assertThat(part(reopen, ProfilerPrediction.CACHE_AFTER)).isCloseTo(8_000, within(1e-6));
        assertThat(reopen.predictedNs()).isCloseTo(reopen.movePartsNs() + 30_000 - 50_000 + 8_000, within(1e-6));
    }

    @Test
    void theRemainderIsTheMeasuredOverheadLessEveryPartWithTheMeasuredInterval() {
        ProfilerPrediction.Row reopen = ProfilerPrediction.of(MEASURED, PHASES, MODEL).get(0);

        assertThat(reopen.measuredNs()).isCloseTo(800_000, within(1e-6));
        assertThat(reopen.remainder().point()).isCloseTo(800_000 - reopen.predictedNs(), within(1e-6));
        assertThat(reopen.remainder().high() - reopen.remainder().low())
                .isCloseTo(reopen.measured().high() - reopen.measured().low(), within(1e-6));
        assertThat(reopen.measured().high()).isGreaterThan(reopen.measured().low());
        assertThat(reopen.predicted()).isEqualTo(Math.abs(reopen.relativeError()) <= ProfilerPrediction.TOLERANCE);
    }

    @Test
    void aFileWithoutHandlerCallsOrTheAfterRoundProbeSaysThosePartsWereNotMeasured() {
        ProfilerPrediction.Row reopen = ProfilerPrediction.of(DATA, PHASES, MODEL).get(0);

        assertThat(reopen.parts()).extracting(ProfilerPrediction.Part::name).containsExactly(
                ProfilerPrediction.HANDLER_WORK, ProfilerPrediction.SYSCALLS_IN_TOOL, ProfilerPrediction.CACHE_AFTER);
        assertThat(reopen.parts()).noneMatch(ProfilerPrediction.Part::measured);
        assertThat(reopen.parts().get(2).notMeasured()).contains("afterRound");
        assertThat(reopen.predictedNs()).isEqualTo(reopen.movePartsNs());
    }

    @Test
    void modifyMovesAnEvictedSlotInItsOneArmingIoctlSoOnlyATrapsDisableIsADisarm() {
        ProfilerCounts counts = new ProfilerCounts(2, 20, 20, 8, 10, 10, 10, 0, 0, 0, Map.of());
        GroupedSample cpu = GroupedSample.ofSingles(new double[] {1_500_000, 1_500_000});
        ProfilerData data = new ProfilerData(List.of(DATA.entries().get(0), DATA.entries().get(1),
                new ProfilerEntry("hash", "modify", 1000, 1000, cpu, cpu, counts)), false, "none", 75, 4);

        ProfilerPrediction.Row modify = ProfilerPrediction.of(data, PHASES, MODEL).get(0);

        // 10 arms a round (4 of them evictions) x 2 us; 5 trap disables a round x 2 us
        assertThat(modify.termsNs()).containsEntry("arming", 20_000.0).containsEntry("disarming", 10_000.0);
    }

    private static double part(ProfilerPrediction.Row row, String name) {
        return row.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().ns();
    }
}
