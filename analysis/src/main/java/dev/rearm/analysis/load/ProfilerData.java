package dev.rearm.analysis.load;

import java.util.List;

/**
 * The native harness's profiler matrix as one run folder holds it: its entries and what its
 * top-level "profiler" block says about the machine.
 *
 * @param hardwarePmu       whether the machine had a hardware PMU (null when the file does not say)
 * @param hardwarePmuReason the harness's words for it
 * @param workMs            the work per round, in milliseconds without the tool (null when not said)
 */
public record ProfilerData(List<ProfilerEntry> entries, Boolean hardwarePmu, String hardwarePmuReason,
                           Integer workMs, Integer slots) {

    public ProfilerData {
        entries = List.copyOf(entries);
    }

    public static ProfilerData none() {
        return new ProfilerData(List.of(), null, null, null, null);
    }

    public boolean measured() {
        return !entries.isEmpty();
    }

    /** Workloads in file order. */
    public List<String> workloads() {
        return entries.stream().map(ProfilerEntry::workload).distinct().toList();
    }
}
