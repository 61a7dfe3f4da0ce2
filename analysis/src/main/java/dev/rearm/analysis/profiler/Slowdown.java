package dev.rearm.analysis.profiler;

import dev.rearm.analysis.load.ProfilerEntry;
import dev.rearm.analysis.stats.Estimate;

/**
 * How much slower one run of a workload was than the same work with no tool: mean CPU time (and
 * wall time) per round over that of the no-tool run, with 95% CIs over rounds ({@link
 * dev.rearm.analysis.stats.RatioInterval}).
 */
public record Slowdown(ProfilerEntry entry, Estimate cpu, Estimate wall) {

    /** The overhead in CPU time as a fraction: slowdown − 1. */
    public double cpuOverhead() {
        return cpu.point() - 1;
    }
}
