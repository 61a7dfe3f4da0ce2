package dev.rearm.analysis.profiler;

import dev.rearm.analysis.stats.Estimate;

/**
 * reopen's overhead against modify's at one workload and rate, in CPU time.
 *
 * @param overall         (reopen slowdown − 1) / (modify slowdown − 1): the whole tool's overhead
 * @param overallResolved whether modify's overhead is above noise (its CI excludes 1); the ratio is
 *                        meaningless when its denominator may be 0
 * @param watchpoints     (reopen − sampler) / (modify − sampler): the watchpoints' share alone, what the
 *                        ioctl changes (null without a sampler-only run)
 */
public record OverheadRatio(String workload, int rate, Estimate overall, boolean overallResolved, Estimate watchpoints,
                            boolean watchpointsResolved) {
}
