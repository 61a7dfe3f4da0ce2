package dev.rearm.analysis.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a trap is notified, as the scenario key {@code notify} spells it: the analysis's one list of
 * the modes (it reads the harnesses' files and depends on none of their code).
 */
public enum NotifyMode {
    /** The kernel counts the trap (and writes a sample to the ring); no signal. */
    NONE,
    /** One O_ASYNC real-time signal per trap; needs a ring and four fcntl. */
    SIGNAL,
    /** attr.sigtrap: a synchronous SIGTRAP per trap, no ring and no fcntl. */
    SIGTRAP;

    /** Every mode's key, in the order the report shows them. */
    public static final List<String> KEYS = Arrays.stream(values()).map(NotifyMode::key).toList();

    /** The scenario value: {@code none}, {@code signal} or {@code sigtrap}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
