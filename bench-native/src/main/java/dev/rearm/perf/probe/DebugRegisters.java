package dev.rearm.perf.probe;

/**
 * How many watchpoints one thread can arm at once, found by opening them until the kernel
 * refuses (ENOSPC), then closing them all.
 */
public record DebugRegisters(boolean supported, String reason, int count) {
}
