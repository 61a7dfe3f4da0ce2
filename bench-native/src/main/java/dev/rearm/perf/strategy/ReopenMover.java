package dev.rearm.perf.strategy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.scenario.Notify;

/**
 * Moves the watchpoint the pre-4.17 way: munmap, close, perf_event_open, fcntl x4 (when
 * signalling), mmap — in that order, as the kernel commit describes what it replaces. With
 * notify=sigtrap there is neither fcntl nor ring: a move is close + perf_event_open, the new
 * event tagged with its own address.
 */
final class ReopenMover implements WatchpointMover {
    private final PerfEventAttr attr;
    /** notify=sigtrap: every move also rewrites sig_data to the new address's tag. */
    private final boolean tagsTraps;
    private final WatchpointSpec spec;
    private final int signalTid;
    private PerfEvent event;
    /** Why a move lost the watchpoint (the old event closed, the new one not opened); null while armed. */
    private RuntimeException lostBecause;
    private long trapsOfClosedEvents;
    private boolean closed;

    ReopenMover(WatchpointSpec spec) {
        this.spec = spec;
        this.attr = ArmedEvent.attr(spec);
        this.tagsTraps = spec.notification() == Notify.SIGTRAP;
        try {
            this.signalTid = ArmedEvent.signalTarget(spec);
            this.event = ArmedEvent.open(attr, spec, signalTid);
        } catch (RuntimeException e) {
            attr.close();
            throw e;
        }
    }

    @Override
    public Strategy strategy() {
        return Strategy.REOPEN;
    }

    @Override
    public void moveTo(long address) {
        requireArmed();
        ArmedEvent.aim(attr, address, tagsTraps);
        rebuild();
    }

    @Override
    public void moveTo(long address, BreakpointType type, int length) {
        requireArmed();
        ArmedEvent.aim(attr, address, tagsTraps);
        attr.setBpType(type);
        attr.setBpLen(length);
        rebuild();
    }

    private void requireArmed() {
        if (lostBecause != null) {
            throw new IllegalStateException("this reopen watchpoint is gone: an earlier move closed it and could not "
                    + "open it again (" + lostBecause.getMessage() + "); close this mover and arm a new one",
                    lostBecause);
        }
        if (closed) {
            throw new IllegalStateException("this reopen watchpoint was closed; arm a new one");
        }
    }

    private void rebuild() {
        if (spec.tallyTraps()) {
            trapsOfClosedEvents += event.readCount();
        }
        event.close(); // munmap, then close
        event = null;
        try {
            event = ArmedEvent.open(attr, spec, signalTid); // perf_event_open, fcntl x4, mmap
        } catch (RuntimeException e) {
            // Between the close and the open the slot can go to someone else (ENOSPC) or the
            // kernel can refuse: the old event is already gone, so the mover holds nothing now.
            lostBecause = e;
            throw e;
        }
    }

    /** The current event; null once a move failed to open the new one. */
    @Override
    public PerfEvent event() {
        return event;
    }

    @Override
    public long trapsCounted() {
        return trapsOfClosedEvents + (event == null ? 0 : event.readCount());
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (event != null) {
                event.close();
                event = null;
            }
        } finally {
            attr.close();
        }
    }
}
