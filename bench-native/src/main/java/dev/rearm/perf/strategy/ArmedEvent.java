package dev.rearm.perf.strategy;

import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.linux.LibC;
import dev.rearm.perf.scenario.Notify;
import dev.rearm.perf.signal.SigtrapCell;
import dev.rearm.perf.signal.SigtrapSignals;
import dev.rearm.perf.signal.TrapSignals;

/**
 * Builds one fully armed event the way both strategies need it: open, route signals, map the ring.
 * notify=sigtrap needs neither fcntl nor ring: the attr itself asks for the SIGTRAP, and its tag
 * (sig_data) is the armed address, so the handler can tell which address trapped.
 */
final class ArmedEvent {
    private ArmedEvent() {
    }

    /**
     * The thread that receives notify=signal's signals: the one that armed the watchpoint. A
     * sigtrap goes to the trapping thread by itself; only its handler has to be in place.
     */
    static int signalTarget(WatchpointSpec spec) {
        if (spec.notification() == Notify.SIGNAL) {
            TrapSignals.install();
            return LibC.gettid();
        }
        if (spec.notification() == Notify.SIGTRAP) {
            SigtrapSignals.install();
        }
        return 0;
    }

    /** The attr both movers keep: notify=sigtrap adds the flags and tags it with the first address. */
    static PerfEventAttr attr(WatchpointSpec spec) {
        PerfEventAttr attr = PerfEventAttr.breakpoint(spec.type(), spec.address(), spec.length());
        if (spec.notification() == Notify.SIGTRAP) {
            attr.setSigtrap(SigtrapCell.tagOf(spec.address()));
        }
        return attr;
    }

    /** Points the attr at {@code address}; with notify=sigtrap ({@code tagged}) its tag follows. */
    static void aim(PerfEventAttr attr, long address, boolean tagged) {
        attr.setBpAddr(address);
        if (tagged) {
            attr.setSigData(SigtrapCell.tagOf(address));
        }
    }

    /** Opens, then fcntl x4 (if signalling), then mmap (if a ring): the order of the reopen path. */
    static PerfEvent open(PerfEventAttr attr, WatchpointSpec spec, int signalTid) {
        PerfEvent event = PerfEvent.open(attr);
        try {
            if (spec.notification() == Notify.SIGNAL) {
                event.routeSignals(TrapSignals.signal(), signalTid);
            }
            if (spec.pages() > 0) {
                event.mapRing(spec.pages());
            }
            return event;
        } catch (RuntimeException e) {
            event.close();
            throw e;
        }
    }
}
