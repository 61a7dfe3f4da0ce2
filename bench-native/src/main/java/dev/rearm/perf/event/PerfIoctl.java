package dev.rearm.perf.event;

import dev.rearm.perf.linux.Arch;

/** perf ioctl request codes (linux/perf_event.h), encoded for the running arch. */
public final class PerfIoctl {
    private PerfIoctl() {
    }

    private static final Arch ARCH = Arch.current();

    /** _IO('$', 0): start counting / arm. */
    public static final long ENABLE = ARCH.ioc(Arch.IOC_NONE, '$', 0, 0);
    /** _IO('$', 1): stop counting / disarm. */
    public static final long DISABLE = ARCH.ioc(Arch.IOC_NONE, '$', 1, 0);
    /** _IO('$', 3): zero the count. */
    public static final long RESET = ARCH.ioc(Arch.IOC_NONE, '$', 3, 0);
    /** _IOW('$', 11, struct perf_event_attr *): change bp_addr/bp_type/bp_len/disabled in place (4.17+). */
    public static final long MODIFY_ATTRIBUTES = ARCH.ioc(Arch.IOC_WRITE, '$', 11, ARCH.pointerSize());
}
