package dev.rearm.perf.strategy;

import java.util.Locale;

/** The ways to move a watchpoint, named as in the scenario vocabulary ({@code reopen}, {@code modify}). */
public enum Strategy {
    /** munmap, close, perf_event_open, fcntl x4 (notify=signal), mmap: the pre-4.17 way. */
    REOPEN {
        @Override
        public WatchpointMover arm(WatchpointSpec spec) {
            return new ReopenMover(spec);
        }
    },
    /** ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES): the 4.17+ way. */
    MODIFY {
        @Override
        public WatchpointMover arm(WatchpointSpec spec) {
            return new ModifyMover(spec);
        }
    };

    /** Arms a watchpoint on the calling thread as {@code spec} says. */
    public abstract WatchpointMover arm(WatchpointSpec spec);

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Strategy parse(String value) {
        for (Strategy strategy : values()) {
            if (strategy.key().equalsIgnoreCase(value)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("strategy '" + value + "' is not one of reopen, modify");
    }
}
