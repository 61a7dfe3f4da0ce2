package dev.rearm.analysis.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.load.ProfilerCounts;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.load.ProfilerEntry;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.stats.GroupedSample;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilerOverheadTest {
    private static ProfilerOverhead handmade() throws Exception {
        return ProfilerOverhead.of(RunLoader.load(Fixtures.run("profiler-handmade")).profiler());
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

        ProfilerOverhead overhead = ProfilerOverhead.of(data);

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

        OverheadRatio ratio = ProfilerOverhead.of(data).ratios().get(0);

        assertThat(ratio.overallResolved()).isFalse();
    }

    @Test
    void reopensExtraTimeHasWelchsTIntervalOverRoundsNotABootstrapOne() {
        double[] reopen = {151, 149, 155, 146, 150, 152};
        double[] modify = {121, 118, 122, 119, 120, 123, 117};
        ProfilerData data = new ProfilerData(List.of(entry("none", 0, 100, 103, 98, 101, 99, 102),
                entry("reopen", 1000, reopen), entry("modify", 1000, modify)), false, "none", 100, 4);

        ReopenExtra extra = ProfilerOverhead.of(data).reopenExtras().get(0);

        // Welch by hand, in ms (entry() scales to ns): (mean r - mean m) +- t(df) sqrt(vr/nr + vm/nm).
        DescriptiveStatistics r = new DescriptiveStatistics(reopen);
        DescriptiveStatistics m = new DescriptiveStatistics(modify);
        double vr = r.getVariance() / reopen.length;
        double vm = m.getVariance() / modify.length;
        double df = (vr + vm) * (vr + vm) / (vr * vr / (reopen.length - 1) + vm * vm / (modify.length - 1));
        double half = new TDistribution(df).inverseCumulativeProbability(0.975) * Math.sqrt(vr + vm);
        double point = r.getMean() - m.getMean();
        assertThat(extra.extraCpu().point()).isCloseTo(point * 1e6, within(1e-3));
        assertThat(extra.extraCpu().low()).isCloseTo((point - half) * 1e6, within(1.0));
        assertThat(extra.extraCpu().high()).isCloseTo((point + half) * 1e6, within(1.0));
    }

    @Test
    void theOverheadRatiosIntervalIsTheDeltaMethodsTIntervalOnItsLog() {
        double[] none = {100, 103, 98, 101, 99, 102};
        double[] reopen = {151, 149, 155, 146, 150, 152};
        double[] modify = {121, 118, 122, 119, 120, 123};
        ProfilerData data = new ProfilerData(List.of(entry("none", 0, none), entry("reopen", 1000, reopen),
                entry("modify", 1000, modify)), false, "none", 100, 4);

        OverheadRatio ratio = ProfilerOverhead.of(data).ratios().get(0);

        // log((R - N) / (M - N)): d/dR = 1/(R-N), d/dM = -1/(M-N), d/dN = -1/(R-N) + 1/(M-N).
        double n = new DescriptiveStatistics(none).getMean();
        double rr = new DescriptiveStatistics(reopen).getMean();
        double mm = new DescriptiveStatistics(modify).getMean();
        double[] gradient = {1 / (rr - n), -1 / (mm - n), -1 / (rr - n) + 1 / (mm - n)};
        double[][] samples = {reopen, modify, none};
        double variance = 0;
        double dfDenominator = 0;
        for (int i = 0; i < 3; i++) {
            double term = gradient[i] * gradient[i] * new DescriptiveStatistics(samples[i]).getVariance() / 6;
            variance += term;
            dfDenominator += term * term / 5;
        }
        double half = new TDistribution(variance * variance / dfDenominator).inverseCumulativeProbability(0.975)
                * Math.sqrt(variance);
        double point = (rr - n) / (mm - n);
        assertThat(ratio.overall().point()).isCloseTo(point, within(1e-9));
        assertThat(ratio.overall().low()).isCloseTo(point * Math.exp(-half), within(1e-6));
        assertThat(ratio.overall().high()).isCloseTo(point * Math.exp(half), within(1e-6));
    }

    @Test
    void aRatioFromFewerThanThreeRoundsIsNotResolvedHoweverClearItsDenominator() {
        ProfilerData data = new ProfilerData(List.of(entry("none", 0, 100, 100.1), entry("sampler", 1000, 105, 105.1),
                entry("reopen", 1000, 150, 150.1), entry("modify", 1000, 120, 120.1)), null, null, null, null);

        OverheadRatio ratio = ProfilerOverhead.of(data).ratios().get(0);

        assertThat(ratio.overallResolved()).isFalse();
        assertThat(ratio.watchpointsResolved()).isFalse();
    }

    @Test
    void aWorkloadWithoutItsNoToolRunHasNoSlowdown() {
        ProfilerData data = new ProfilerData(List.of(entry("reopen", 1000, 130, 128), entry("modify", 1000, 110, 111)),
                null, null, null, null);

        ProfilerOverhead overhead = ProfilerOverhead.of(data);

        assertThat(overhead.measured()).isFalse();
        assertThat(overhead.ratios()).isEmpty();
    }

    @Test
    void theRecordedRunGivesEveryWorkloadItsSlowdownsAndRatiosAtEveryRate() throws Exception {
        ProfilerData data = RunLoader.load(Fixtures.run("profiler-recorded")).profiler();

        ProfilerOverhead overhead = ProfilerOverhead.of(data);

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
