package dev.rearm.perf.strategy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;

/**
 * Moves the watchpoint the pre-4.17 way: munmap, close, perf_event_open, fcntl x4 (when
 * signalling), mmap — in that order, as the kernel commit describes what it replaces.
 */
final class ReopenMover implements WatchpointMover {
    private final PerfEventAttr attr;
    private final WatchpointSpec spec;
    private final int signalTid;
    private PerfEvent event;
    private long trapsOfClosedEvents;

    ReopenMover(WatchpointSpec spec) {
        this.spec = spec;
        this.attr = PerfEventAttr.breakpoint(spec.type(), spec.address(), spec.length());
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
        attr.setBpAddr(address);
        rebuild();
    }

    @Override
    public void moveTo(long address, BreakpointType type, int length) {
        attr.setBpAddr(address);
        attr.setBpType(type);
        attr.setBpLen(length);
        rebuild();
    }

    private void rebuild() {
        if (spec.tallyTraps()) {
            trapsOfClosedEvents += event.readCount();
        }
        event.close(); // munmap, then close
        event = null;
        event = ArmedEvent.open(attr, spec, signalTid); // perf_event_open, fcntl x4, mmap
    }

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
