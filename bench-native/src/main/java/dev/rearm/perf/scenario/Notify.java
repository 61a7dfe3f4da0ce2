package dev.rearm.perf.scenario;

import java.util.Locale;

/** How a trap is reported: only counted by the kernel, or also signalled to the owning thread. */
public enum Notify {
    /** No signal: the kernel counts traps (and writes samples to the ring). */
    NONE,
    /** O_ASYNC + F_SETSIG + F_SETOWN_EX: one real-time signal per trap to the arming thread. */
    SIGNAL;

    /** The scenario value: {@code none} or {@code signal}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Notify parse(String value) {
        for (Notify notify : values()) {
            if (notify.key().equalsIgnoreCase(value)) {
                return notify;
            }
        }
        throw new IllegalArgumentException("notify '" + value + "' is not one of none, signal");
    }
}
