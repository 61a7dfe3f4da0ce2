package dev.rearm.analysis.load;

import dev.rearm.analysis.stats.GroupedSample;

/**
 * One run of a workload in the native harness's profiler matrix: no tool ({@code none}), the
 * tool's sampler alone ({@code sampler}), or the tool arming watchpoints by {@code reopen} or
 * {@code modify} at a sampling rate. Every run of a workload makes the same number of accesses.
 *
 * @param rate   samples per second of CPU time the sampler was set to; 0 for none
 * @param cpuNs  the thread's CPU time of each measured round (one round per group)
 * @param wallNs the wall time of each measured round
 * @param afterRoundCpuNs the CPU time of the short no-tool probe right after each measured round
 *                        (native.json's afterRound); null in files written before it was measured
 */
public record ProfilerEntry(String workload, String strategy, int rate, long accesses, GroupedSample cpuNs,
                            GroupedSample wallNs, ProfilerCounts counts, GroupedSample afterRoundCpuNs) {

    /** An entry from a file that predates the after-round probe. */
    public ProfilerEntry(String workload, String strategy, int rate, long accesses, GroupedSample cpuNs,
                         GroupedSample wallNs, ProfilerCounts counts) {
        this(workload, strategy, rate, accesses, cpuNs, wallNs, counts, null);
    }

    public static final String NONE = "none";
    public static final String SAMPLER = "sampler";

    /** "reopen@5000", "none". */
    public String label() {
        return NONE.equals(strategy) ? NONE : strategy + "@" + rate;
    }
}
