package dev.rearm.analysis.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.load.ProfilerCounts;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.load.ProfilerEntry;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.stats.GroupedSample;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilerOverheadTest {
    private static final HierarchicalBootstrap BOOTSTRAP = new HierarchicalBootstrap(1, 2_000);

    private static ProfilerOverhead handmade() throws Exception {
        return ProfilerOverhead.of(RunLoader.load(Fixtures.run("profiler-handmade")).profiler(), BOOTSTRAP);
    }

    private static Slowdown slowdown(ProfilerOverhead overhead, String strategy, int rate) {
        return overhead.slowdowns().stream()
                .filter(s -> s.entry().strategy().equals(strategy) && s.entry().rate() == rate).findFirst().orElseThrow();
    }

    private static ProfilerEntry entry(String strategy, int rate, double... cpuMs) {
        double[] cpu = new double[cpuMs.length];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = cpuMs[i] * 1e6;
        }
        return new ProfilerEntry("hash", strategy, rate, 1_000_000, GroupedSample.ofSingles(cpu),
                GroupedSample.ofSingles(cpu), new ProfilerCounts(cpu.length, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of()));
    }

    @Test
    void slowdownIsCpuTimeUnderTheToolOverCpuTimeWithNoToolForEveryStrategyAndRate() throws Exception {
        ProfilerOverhead overhead = handmade();

        assertThat(overhead.slowdowns()).hasSize(6);
        assertThat(slowdown(overhead, "sampler", 1000).cpu().point()).isCloseTo(1.02, within(1e-9));
        assertThat(slowdown(overhead, "reopen", 1000).cpu().point()).isCloseTo(1.10, within(1e-9));
        assertThat(slowdown(overhead, "modify", 1000).cpu().point()).isCloseTo(1.04, within(1e-9));
        assertThat(slowdown(overhead, "reopen", 5000).cpu().point()).isCloseTo(1.80, within(1e-9));
        assertThat(slowdown(overhead, "modify", 5000).cpu().point()).isCloseTo(1.40, within(1e-9));
        assertThat(slowdown(overhead, "reopen", 5000).wall().point()).as("wall is 1.1 x CPU throughout")
                .isCloseTo(1.80, within(1e-9));
        assertThat(overhead.rates()).containsExactly(1000, 5000);
    }

    @Test
    void overheadRatioIsReopensOverheadOverModifysAndTheWatchpointRatioLeavesSamplingOut() throws Exception {
        List<OverheadRatio> ratios = handmade().ratios();

        assertThat(ratios).extracting(OverheadRatio::rate).containsExactly(1000, 5000);
        assertThat(ratios.get(0).overall().point()).isCloseTo(0.10 / 0.04, within(1e-9));
        assertThat(ratios.get(0).watchpoints().point()).isCloseTo((110.0 - 102) / (104 - 102), within(1e-9));
        assertThat(ratios.get(1).overall().point()).isCloseTo(0.80 / 0.40, within(1e-9));
        assertThat(ratios.get(1).watchpoints().point()).isCloseTo(70.0 / 30, within(1e-9));
        assertThat(ratios).allMatch(r -> r.overallResolved() && r.watchpointsResolved());
    }

    @Test
    void reopensExtraTimeIsSplitIntoHandlerTimePerRoundByCall() throws Exception {
        ReopenExtra extra = handmade().reopenExtras().get(1);

        assertThat(extra.rate()).isEqualTo(5000);
        assertThat(extra.extraCpu().point()).isCloseTo(40e6, within(1.0));
        assertThat(extra.reopenCalls()).containsEntry("open", 10_000.0);
        // 500 arms per round: open 10 us, mmap 8, close 8, munmap 4 (reopen); modify 6, disable 5
        assertThat(extra.reopenPhasesNs()).containsEntry("open", 5e6).containsEntry("munmap", 2e6);
        assertThat(extra.modifyPhasesNs()).containsEntry("modify", 3e6).containsEntry("disable", 2.5e6);
        assertThat(extra.reopenArms()).isEqualTo(500);
    }

    @Test
    void noisyRoundsGiveAnIntervalAroundThePoint() {
        ProfilerData data = new ProfilerData(List.of(entry("none", 0, 100, 103, 98, 101, 99, 102),
                entry("reopen", 1000, 151, 149, 155, 146, 150, 152),
                entry("modify", 1000, 121, 118, 122, 119, 120, 123)), false, "none", 100, 4);

        ProfilerOverhead overhead = ProfilerOverhead.of(data, BOOTSTRAP);

        for (Slowdown s : overhead.slowdowns()) {
            assertThat(s.cpu().low()).isLessThan(s.cpu().point());
            assertThat(s.cpu().high()).isGreaterThan(s.cpu().point());
        }
        OverheadRatio ratio = overhead.ratios().get(0);
        assertThat(ratio.overall().contains(ratio.overall().point())).isTrue();
        assertThat(ratio.overall().low()).isLessThan(ratio.overall().high());
        assertThat(ratio.watchpoints()).as("no sampler-only run").isNull();
    }

    @Test
    void ratioIsNotResolvedWhenModifysOverheadIsWithinNoise() {
        ProfilerData data = new ProfilerData(List.of(entry("none", 0, 100, 103, 97, 101, 99),
                entry("reopen", 1000, 130, 128, 133, 131, 129),
                entry("modify", 1000, 101, 98, 102, 99, 100)), null, null, null, null);

        OverheadRatio ratio = ProfilerOverhead.of(data, BOOTSTRAP).ratios().get(0);

        assertThat(ratio.overallResolved()).isFalse();
    }

    @Test
    void aWorkloadWithoutItsNoToolRunHasNoSlowdown() {
        ProfilerData data = new ProfilerData(List.of(entry("reopen", 1000, 130, 128), entry("modify", 1000, 110, 111)),
                null, null, null, null);

        ProfilerOverhead overhead = ProfilerOverhead.of(data, BOOTSTRAP);

        assertThat(overhead.measured()).isFalse();
        assertThat(overhead.ratios()).isEmpty();
    }

    @Test
    void theRecordedRunGivesEveryWorkloadItsSlowdownsAndRatiosAtEveryRate() throws Exception {
        ProfilerData data = RunLoader.load(Fixtures.run("profiler-recorded")).profiler();

        ProfilerOverhead overhead = ProfilerOverhead.of(data, BOOTSTRAP);

        assertThat(data.workloads()).containsExactly("hash", "stream", "chase");
        assertThat(overhead.slowdowns()).hasSize(3 * 3 * 3);
        assertThat(overhead.ratios()).hasSize(3 * 3);
        assertThat(overhead.slowdowns()).allSatisfy(s -> {
            assertThat(s.cpu().low()).isLessThanOrEqualTo(s.cpu().point());
            assertThat(s.cpu().point()).isLessThanOrEqualTo(s.cpu().high());
            assertThat(s.entry().counts().rounds()).isEqualTo(5);
        });
        assertThat(overhead.ratios()).allSatisfy(r -> assertThat(r.watchpoints()).isNotNull());
        assertThat(data.hardwarePmu()).isFalse();
    }
}
