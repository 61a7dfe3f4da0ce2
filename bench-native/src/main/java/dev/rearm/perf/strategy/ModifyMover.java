package dev.rearm.perf.strategy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;

/** Moves the watchpoint with one ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES); the fd and ring stay. */
final class ModifyMover implements WatchpointMover {
    private final PerfEventAttr attr;
    private final PerfEvent event;

    ModifyMover(WatchpointSpec spec) {
        this.attr = PerfEventAttr.breakpoint(spec.type(), spec.address(), spec.length());
        try {
            this.event = ArmedEvent.open(attr, spec, ArmedEvent.signalTarget(spec));
        } catch (RuntimeException e) {
            attr.close();
            throw e;
        }
    }

    @Override
    public Strategy strategy() {
        return Strategy.MODIFY;
    }

    @Override
    public void moveTo(long address) {
        attr.setBpAddr(address);
        event.modify(attr);
    }

    @Override
    public void moveTo(long address, BreakpointType type, int length) {
        attr.setBpAddr(address);
        attr.setBpType(type);
        attr.setBpLen(length);
        event.modify(attr);
    }

    @Override
    public PerfEvent event() {
        return event;
    }

    @Override
    public long trapsCounted() {
        return event.readCount();
    }

    @Override
    public void close() {
        try {
            event.close();
        } finally {
            attr.close();
        }
    }
}
