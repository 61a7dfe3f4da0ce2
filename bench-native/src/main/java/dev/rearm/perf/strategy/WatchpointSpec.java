package dev.rearm.perf.strategy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.scenario.Notify;

/**
 * What a strategy arms: where, what shape, how traps are reported, how big a ring.
 *
 * @param address    the first watched address
 * @param type       bp_type
 * @param length     bp_len in bytes
 * @param notification whether each trap also signals the arming thread, and how
 * @param pages      data pages of the ring (a power of two), or 0 for no ring (signals still
 *                   arrive without one: the kernel signals an O_ASYNC event on every overflow);
 *                   always 0 with notify=sigtrap, whose signal carries what a sample would
 * @param tallyTraps reopen only: read each fd's trap count before closing it, so the traps of
 *                   every incarnation are accounted for (one read syscall per move)
 */
public record WatchpointSpec(long address, BreakpointType type, int length, Notify notification, int pages,
                             boolean tallyTraps) {
    public WatchpointSpec {
        if (pages < 0 || (pages > 0 && Integer.bitCount(pages) != 1)) {
            throw new IllegalArgumentException("pages " + pages + " is not 0 (no ring) or a power of two");
        }
        if (!notification.takesRing() && pages != 0) {
            throw new IllegalArgumentException("pages " + pages + " does not apply to notify=" + notification.key()
                    + ": it maps no ring (its SIGTRAP carries the tag); pages must be 0");
        }
    }

    /** The headline shape: RW, 1 byte, a 1-page ring, a signal per trap, traps tallied. */
    public static WatchpointSpec headline(long address) {
        return new WatchpointSpec(address, BreakpointType.RW, 1, Notify.SIGNAL, 1, true);
    }

    public WatchpointSpec withNotify(Notify newNotify) {
        return new WatchpointSpec(address, type, length, newNotify, pages, tallyTraps);
    }

    public WatchpointSpec withPages(int newPages) {
        return new WatchpointSpec(address, type, length, notification, newPages, tallyTraps);
    }

    public WatchpointSpec withShape(BreakpointType newType, int newLength) {
        return new WatchpointSpec(address, newType, newLength, notification, pages, tallyTraps);
    }

    public WatchpointSpec withTallyTraps(boolean tally) {
        return new WatchpointSpec(address, type, length, notification, pages, tally);
    }
}
