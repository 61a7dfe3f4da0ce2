package dev.rearm.perf.event;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * perf_event_attr.bp_type values (linux/hw_breakpoint.h). The scenario vocabulary names them
 * {@code R}, {@code W}, {@code RW}, {@code X}. x86 refuses read-only watchpoints (EINVAL).
 */
public enum BreakpointType {
    /** HW_BREAKPOINT_R: trap on loads. */
    R(1),
    /** HW_BREAKPOINT_W: trap on stores. */
    W(2),
    /** HW_BREAKPOINT_RW: trap on loads and stores. */
    RW(3),
    /** HW_BREAKPOINT_X: trap on instruction fetch. */
    X(4);

    private final int bits;

    BreakpointType(int bits) {
        this.bits = bits;
    }

    /** The value written to bp_type. */
    public int bits() {
        return bits;
    }

    /** Parses a scenario value (case-insensitive); the error names every valid value. */
    public static BreakpointType parse(String value) {
        for (BreakpointType type : values()) {
            if (type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("bpType '" + value + "' is not one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
