package dev.rearm.analysis.model;

import java.util.OptionalDouble;

/**
 * Why the speedup depends on the trap rate. With f traps per op (f = 1/trapEvery), a move costs
 * C and a trap after it costs T, separately per strategy (a trap right after a fresh open can cost
 * more than one after a modify):
 *
 * <pre>
 *   speedup(f) = (C_reopen + f * T_reopen) / (C_modify + f * T_modify)
 * </pre>
 *
 * All figures are ns.
 */
public record CostModel(double reopenMoveNs, double reopenTrapNs, double modifyMoveNs, double modifyTrapNs) {

    public double speedup(double trapRate) {
        return (reopenMoveNs + trapRate * reopenTrapNs) / (modifyMoveNs + trapRate * modifyTrapNs);
    }

    /** The always-trapping speedup when a trap costs {@code trapNs} after either strategy. */
    public double speedupWithCommonTrap(double trapNs) {
        return (reopenMoveNs + trapNs) / (modifyMoveNs + trapNs);
    }

    /** The trap the model measured, one figure for both strategies: the mean of T_reopen and T_modify. */
    public double commonTrapNs() {
        return (reopenTrapNs + modifyTrapNs) / 2;
    }

    /** C_reopen / C_modify: the speedup when nothing traps. */
    public double moveRatio() {
        return reopenMoveNs / modifyMoveNs;
    }

    /**
     * The trap cost T, the same after either strategy, that makes the always-trapping speedup
     * (C_reopen + T) / (C_modify + T) equal {@code target}: T = (C_reopen - target C_modify) / (target - 1).
     * Empty when no T >= 0 does (the move costs alone are already below the target).
     */
    public OptionalDouble commonTrapCostFor(double target) {
        if (target <= 1) {
            return OptionalDouble.empty();
        }
        double trap = (reopenMoveNs - target * modifyMoveNs) / (target - 1);
        return trap >= 0 ? OptionalDouble.of(trap) : OptionalDouble.empty();
    }
}
