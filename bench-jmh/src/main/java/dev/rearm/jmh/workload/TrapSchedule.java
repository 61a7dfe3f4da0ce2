package dev.rearm.jmh.workload;

/**
 * Which ops trap: with trapEvery = k, ops k, 2k, 3k ... (counting from 1); with 0, none.
 * A countdown rather than a modulo, so the hot path is a decrement and a compare.
 */
public final class TrapSchedule {
    private final int every;
    private int untilTrap;

    public TrapSchedule(int trapEvery) {
        if (trapEvery < 0) {
            throw new IllegalArgumentException("trapEvery must be 0 or more, got " + trapEvery);
        }
        this.every = trapEvery;
        this.untilTrap = trapEvery;
    }

    /** Advances by one op; true when this op is a trapping one. */
    public boolean next() {
        if (every == 0) {
            return false;
        }
        if (--untilTrap == 0) {
            untilTrap = every;
            return true;
        }
        return false;
    }
}
