package dev.rearm.analysis.profiler;

import dev.rearm.analysis.stats.Estimate;
import java.util.Map;

/**
 * Where reopen's extra CPU time over modify went, per round, at one workload and rate: the part
 * spent inside the tool's handlers (by system call kind) and the rest (signals, traps, timer
 * interrupts, the workload's lost cache state, and what the extra arms and traps add there).
 *
 * @param extraCpu        mean CPU time per round of reopen minus that of modify, with its bootstrap 95% CI
 * @param reopenPhasesNs  reopen's handler time per round by call kind (open, mmap, close, ...)
 * @param reopenCalls     the mean time of one call of each kind
 * @param modifyPhasesNs  modify's (modify, disable, ringRead)
 */
public record ReopenExtra(String workload, int rate, Estimate extraCpu, double reopenHandlerNs, double modifyHandlerNs,
                          Map<String, Double> reopenPhasesNs, Map<String, Double> reopenCalls,
                          Map<String, Double> modifyPhasesNs, Map<String, Double> modifyCalls, double reopenArms,
                          double modifyArms, double reopenTraps, double modifyTraps) {
}
