package dev.rearm.perf.strategy;

import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.linux.LibC;
import dev.rearm.perf.scenario.Notify;
import dev.rearm.perf.signal.TrapSignals;

/** Builds one fully armed event the way both strategies need it: open, route signals, map the ring. */
final class ArmedEvent {
    private ArmedEvent() {
    }

    /** The thread that receives the signals: the one that armed the watchpoint. */
    static int signalTarget(WatchpointSpec spec) {
        if (spec.notification() == Notify.SIGNAL) {
            TrapSignals.install();
            return LibC.gettid();
        }
        return 0;
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
