package dev.rearm.analysis.load;

import dev.rearm.analysis.stats.GroupedSample;
import java.util.List;
import java.util.Optional;

/**
 * The native harness's profiler matrix as one run folder holds it: its entries and what its
 * top-level "profiler" block says about the machine.
 *
 * @param hardwarePmu       whether the machine had a hardware PMU (null when the file does not say)
 * @param hardwarePmuReason the harness's words for it
 * @param workMs            the work per round, in milliseconds without the tool (null when not said)
 * @param signalNsPerSignal the profiler's own signal reference: CPU ns of one tgkill to its thread
 *                          handled by an empty handler, one figure per round (null in files before it)
 */
public record ProfilerData(List<ProfilerEntry> entries, Boolean hardwarePmu, String hardwarePmuReason,
                           Integer workMs, Integer slots, GroupedSample signalNsPerSignal) {

    public ProfilerData {
        entries = List.copyOf(entries);
    }

    /** Data from a file that predates the signal reference. */
    public ProfilerData(List<ProfilerEntry> entries, Boolean hardwarePmu, String hardwarePmuReason, Integer workMs,
                        Integer slots) {
        this(entries, hardwarePmu, hardwarePmuReason, workMs, slots, null);
    }

    public static ProfilerData none() {
        return new ProfilerData(List.of(), null, null, null, null);
    }

    public boolean measured() {
        return !entries.isEmpty();
    }

    /** The run of {@code workload} by {@code strategy} at {@code rate} (the no-tool run has no rate). */
    public Optional<ProfilerEntry> find(String workload, String strategy, int rate) {
        return entries.stream().filter(e -> e.workload().equals(workload) && e.strategy().equals(strategy)
                && (ProfilerEntry.NONE.equals(strategy) || e.rate() == rate)).findFirst();
    }

    /** Workloads in file order. */
    public List<String> workloads() {
        return entries.stream().map(ProfilerEntry::workload).distinct().toList();
    }
}
