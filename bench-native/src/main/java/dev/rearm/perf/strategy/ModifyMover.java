package dev.rearm.perf.strategy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.scenario.Notify;

/**
 * Moves the watchpoint with one ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES); the fd and ring stay.
 * With notify=sigtrap the same ioctl carries the new sig_data (Linux 5.17+; 5.13-5.16 refuse a
 * changed sig_data with EINVAL), so the next SIGTRAP names the new address.
 */
final class ModifyMover implements WatchpointMover {
    private final PerfEventAttr attr;
    /** notify=sigtrap: every move also rewrites sig_data to the new address's tag. */
    private final boolean tagsTraps;
    private final PerfEvent event;

    ModifyMover(WatchpointSpec spec) {
        this.attr = ArmedEvent.attr(spec);
        this.tagsTraps = spec.notification() == Notify.SIGTRAP;
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
        ArmedEvent.aim(attr, address, tagsTraps);
        event.modify(attr);
    }

    @Override
    public void moveTo(long address, BreakpointType type, int length) {
        ArmedEvent.aim(attr, address, tagsTraps);
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
