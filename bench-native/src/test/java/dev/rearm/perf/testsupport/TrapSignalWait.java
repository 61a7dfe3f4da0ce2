package dev.rearm.perf.testsupport;

import dev.rearm.perf.signal.TrapSignals;

/**
 * Reads the calling thread's signal count once the signals of its traps have arrived. The
 * kernel sends a trap's signal from irq_work right after the trap, so it is asynchronous but
 * prompt: wait (bounded) for the expected number, then a little longer so that a surplus shows.
 */
public final class TrapSignalWait {
    private static final long DEADLINE_NANOS = 2_000_000_000L;
    private static final long SETTLE_NANOS = 20_000_000L;

    private TrapSignalWait() {
    }

    /** Signals delivered to this thread since {@code baseline}, waiting for at least {@code expected}. */
    public static long signalsSince(long baseline, long expected) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (TrapSignals.threadCount() - baseline < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        long settled = System.nanoTime() + SETTLE_NANOS;
        while (System.nanoTime() < settled) {
            Thread.onSpinWait();
        }
        return TrapSignals.threadCount() - baseline;
    }
}
