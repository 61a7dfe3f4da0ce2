package dev.rearm.perf.scenario;

import java.util.Locale;

/** How a trap is reported: only counted by the kernel, or also signalled to the owning thread. */
public enum Notify {
    /** No signal: the kernel counts traps (and writes samples to the ring). */
    NONE,
    /** O_ASYNC + F_SETSIG + F_SETOWN_EX: one real-time signal per trap to the arming thread. */
    SIGNAL,
    /**
     * attr.sigtrap (Linux 5.13+): a synchronous SIGTRAP per trap to the trapping thread, carrying
     * attr.sig_data (a tag of the armed address) in si_perf_data; no ring and no fcntl.
     */
    SIGTRAP;

    /** The scenario value: {@code none}, {@code signal} or {@code sigtrap}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the watchpoint maps a ring: none and signal do; sigtrap does not, its SIGTRAP
     * carries what a sample would.
     */
    public boolean takesRing() {
        return this != SIGTRAP;
    }

    public static Notify parse(String value) {
        for (Notify notify : values()) {
            if (notify.key().equalsIgnoreCase(value)) {
                return notify;
            }
        }
        throw new IllegalArgumentException("notify '" + value + "' is not one of none, signal, sigtrap");
    }
}
