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
}
