package dev.rearm.perf.strategy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;

/**
 * A watchpoint armed on the calling thread that can be moved to another address. The two
 * implementations are the two ways Linux offers: tear down and rebuild, or modify in place.
 * Not thread-safe: a watchpoint belongs to the thread that armed it.
 */
public interface WatchpointMover extends AutoCloseable {

    Strategy strategy();

    /** Moves the watchpoint to {@code address}, same type and length. The hot path. */
    void moveTo(long address);

    /** Moves and reshapes the watchpoint. */
    void moveTo(long address, BreakpointType type, int length);

    /** The event currently armed (for reopen, a different one after each move). */
    PerfEvent event();

    /**
     * Traps the kernel counted over this mover's life: the current event's count, plus, for
     * reopen with tallying, the counts of the events it closed.
     */
    long trapsCounted();

    /** Disarms and releases everything (ring, fd); idempotent. */
    @Override
    void close();
}
