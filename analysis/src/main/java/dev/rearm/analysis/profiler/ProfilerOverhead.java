package dev.rearm.analysis.profiler;

import dev.rearm.analysis.load.ProfilerCounts;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.load.ProfilerEntry;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.MeansFunctionInterval;
import dev.rearm.analysis.stats.MeansFunctionInterval.Scale;
import dev.rearm.analysis.stats.RatioInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profiler matrix's answer to "how much slower is my program under a watchpoint tool, with
 * and without the ioctl": every run's slowdown over the no-tool run of its workload, the ratio of
 * reopen's overhead to modify's, and where reopen's extra time went.
 *
 * <p>CPU time leads: the workload is one thread and the tool's every cost (handlers, signal
 * delivery, traps, timer interrupts) lands on that thread's CPU time, while the wall clock on a
 * shared machine also counts other processes' turns. Wall-time slowdowns are given beside it.
 * Slowdowns are ratios of means with {@link RatioInterval}'s t interval; the overhead ratios and
 * reopen's extra time (not ratios of means) get the same Welch t interval by the delta method
 * ({@link MeansFunctionInterval}): the bootstrap they used before under-covers at 3 rounds, as the
 * speedups' did. A ratio counts as resolved only when its denominator is shown above 0 from at least
 * {@link Estimate#FEW_GROUPS} rounds on every side.
 */
public record ProfilerOverhead(ProfilerData data, List<Slowdown> slowdowns, List<OverheadRatio> ratios,
                               List<ReopenExtra> reopenExtras) {

    private static final List<String> STRATEGY_ORDER =
            List.of(ProfilerEntry.SAMPLER, ScenarioKey.REOPEN, ScenarioKey.MODIFY);

    public static ProfilerOverhead of(ProfilerData data) {
        List<Slowdown> slowdowns = new ArrayList<>();
        List<OverheadRatio> ratios = new ArrayList<>();
        List<ReopenExtra> extras = new ArrayList<>();
        for (String workload : data.workloads()) {
            Optional<ProfilerEntry> none = data.find(workload, ProfilerEntry.NONE, 0);
            if (none.isEmpty()) {
                continue; // no baseline: nothing of this workload can be a slowdown
            }
            List<ProfilerEntry> tools = data.entries().stream()
                    .filter(e -> e.workload().equals(workload) && STRATEGY_ORDER.contains(e.strategy()))
                    .sorted(Comparator.comparingInt(ProfilerEntry::rate)
                            .thenComparingInt(e -> STRATEGY_ORDER.indexOf(e.strategy())))
                    .toList();
            for (ProfilerEntry tool : tools) {
                slowdowns.add(new Slowdown(tool, RatioInterval.ratio(tool.cpuNs(), none.get().cpuNs()),
                        RatioInterval.ratio(tool.wallNs(), none.get().wallNs())));
            }
            for (int rate : tools.stream().mapToInt(ProfilerEntry::rate).distinct().toArray()) {
                Optional<ProfilerEntry> reopen = data.find(workload, ScenarioKey.REOPEN, rate);
                Optional<ProfilerEntry> modify = data.find(workload, ScenarioKey.MODIFY, rate);
                if (reopen.isEmpty() || modify.isEmpty()) {
                    continue;
                }
                ratios.add(ratio(none.get(), reopen.get(), modify.get(),
                        data.find(workload, ProfilerEntry.SAMPLER, rate), slowdowns));
                extras.add(extra(reopen.get(), modify.get()));
            }
        }
        return new ProfilerOverhead(data, List.copyOf(slowdowns), List.copyOf(ratios), List.copyOf(extras));
    }

    private static OverheadRatio ratio(ProfilerEntry none, ProfilerEntry reopen, ProfilerEntry modify,
                                       Optional<ProfilerEntry> sampler, List<Slowdown> slowdowns) {
        Estimate overall = MeansFunctionInterval.of(List.of(reopen.cpuNs(), modify.cpuNs(), none.cpuNs()),
                m -> (m[0] / m[2] - 1) / (m[1] / m[2] - 1), Scale.LOG);
        boolean overallResolved = !overall.fewGroups() && slowdowns.stream().filter(s -> s.entry() == modify)
                .anyMatch(s -> !s.cpu().fewGroups() && s.cpu().low() > 1);
        Estimate watchpoints = null;
        boolean watchpointsResolved = false;
        if (sampler.isPresent()) {
            watchpoints = MeansFunctionInterval.of(List.of(reopen.cpuNs(), modify.cpuNs(), sampler.get().cpuNs()),
                    m -> (m[0] - m[2]) / (m[1] - m[2]), Scale.LOG);
            Estimate modifyOverSampler = RatioInterval.ratio(modify.cpuNs(), sampler.get().cpuNs());
            watchpointsResolved = !watchpoints.fewGroups() && !modifyOverSampler.fewGroups()
                    && modifyOverSampler.low() > 1;
        }
        return new OverheadRatio(reopen.workload(), reopen.rate(), overall, overallResolved, watchpoints,
                watchpointsResolved);
    }

    private static ReopenExtra extra(ProfilerEntry reopen, ProfilerEntry modify) {
        ProfilerCounts r = reopen.counts();
        ProfilerCounts m = modify.counts();
        Estimate extraCpu = MeansFunctionInterval.of(List.of(reopen.cpuNs(), modify.cpuNs()),
                means -> means[0] - means[1], Scale.LINEAR);
        return new ReopenExtra(reopen.workload(), reopen.rate(), extraCpu, r.handlerNsPerRound(), m.handlerNsPerRound(),
                phasesPerRound(r), meanPerCall(r), phasesPerRound(m), meanPerCall(m), r.perRound(r.armed()),
                m.perRound(m.armed()), r.perRound(r.traps()), m.perRound(m.traps()));
    }

    private static Map<String, Double> phasesPerRound(ProfilerCounts counts) {
        Map<String, Double> perRound = new LinkedHashMap<>();
        counts.phases().keySet().forEach(phase -> perRound.put(phase, counts.phaseNsPerRound(phase)));
        return perRound;
    }

    private static Map<String, Double> meanPerCall(ProfilerCounts counts) {
        Map<String, Double> mean = new LinkedHashMap<>();
        counts.phases().forEach((phase, time) -> mean.put(phase, time.meanNs()));
        return mean;
    }

    public boolean measured() {
        return !slowdowns.isEmpty();
    }

    /** The rates measured, ascending. */
    public List<Integer> rates() {
        return slowdowns.stream().map(s -> s.entry().rate()).distinct().sorted().toList();
    }
}
