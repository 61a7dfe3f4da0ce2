package dev.rearm.analysis.profiler;

import dev.rearm.analysis.load.ProfilerCounts;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.load.ProfilerEntry;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
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
 * reopen's extra time (not ratios of means) use the report's bootstrap over rounds, each run
 * resampled independently.
 */
public record ProfilerOverhead(ProfilerData data, List<Slowdown> slowdowns, List<OverheadRatio> ratios,
                               List<ReopenExtra> reopenExtras) {

    private static final List<String> STRATEGY_ORDER =
            List.of(ProfilerEntry.SAMPLER, ScenarioKey.REOPEN, ScenarioKey.MODIFY);

    public static ProfilerOverhead of(ProfilerData data, HierarchicalBootstrap bootstrap) {
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
                String name = "profiler " + workload + " " + tool.label();
                slowdowns.add(new Slowdown(tool, RatioInterval.ratio(tool.cpuNs(), none.get().cpuNs()),
                        RatioInterval.ratio(tool.wallNs(), none.get().wallNs())));
            }
            for (int rate : tools.stream().mapToInt(ProfilerEntry::rate).distinct().toArray()) {
                Optional<ProfilerEntry> reopen = data.find(workload, ScenarioKey.REOPEN, rate);
                Optional<ProfilerEntry> modify = data.find(workload, ScenarioKey.MODIFY, rate);
                if (reopen.isEmpty() || modify.isEmpty()) {
                    continue;
                }
                ratios.add(ratio(bootstrap, none.get(), reopen.get(), modify.get(),
                        data.find(workload, ProfilerEntry.SAMPLER, rate), slowdowns));
                extras.add(extra(bootstrap, reopen.get(), modify.get()));
            }
        }
        return new ProfilerOverhead(data, List.copyOf(slowdowns), List.copyOf(ratios), List.copyOf(extras));
    }

    private static OverheadRatio ratio(HierarchicalBootstrap bootstrap, ProfilerEntry none, ProfilerEntry reopen,
                                       ProfilerEntry modify, Optional<ProfilerEntry> sampler, List<Slowdown> slowdowns) {
        String name = "profiler " + reopen.workload() + " @" + reopen.rate();
        Estimate overall = bootstrap.estimate(name + " overhead ratio",
                List.of(reopen.cpuNs(), modify.cpuNs(), none.cpuNs()),
                m -> (m[0] / m[2] - 1) / (m[1] / m[2] - 1));
        boolean overallResolved = slowdowns.stream().filter(s -> s.entry() == modify).anyMatch(s -> s.cpu().low() > 1);
        Estimate watchpoints = null;
        boolean watchpointsResolved = false;
        if (sampler.isPresent()) {
            watchpoints = bootstrap.estimate(name + " watchpoint ratio",
                    List.of(reopen.cpuNs(), modify.cpuNs(), sampler.get().cpuNs()),
                    m -> (m[0] - m[2]) / (m[1] - m[2]));
            Estimate modifyOverSampler = RatioInterval.ratio(modify.cpuNs(), sampler.get().cpuNs());
            watchpointsResolved = modifyOverSampler.low() > 1;
        }
        return new OverheadRatio(reopen.workload(), reopen.rate(), overall, overallResolved, watchpoints,
                watchpointsResolved);
    }

    private static ReopenExtra extra(HierarchicalBootstrap bootstrap, ProfilerEntry reopen, ProfilerEntry modify) {
        ProfilerCounts r = reopen.counts();
        ProfilerCounts m = modify.counts();
        Estimate extraCpu = bootstrap.estimate("profiler " + reopen.workload() + " @" + reopen.rate() + " reopen - modify",
                List.of(reopen.cpuNs(), modify.cpuNs()), means -> means[0] - means[1]);
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
