package dev.rearm.analysis.load;

import java.util.function.DoubleUnaryOperator;

/** JMH's score units turned into ns per op (every figure in this module is ns/op). */
final class JmhUnits {
    private JmhUnits() {
    }

    /**
     * A converter from a figure in {@code unit} to ns/op, or null for a unit this module does not
     * know: time per op ("us/op") scales, ops per time ("ops/us") inverts.
     */
    static DoubleUnaryOperator toNsPerOp(String unit) {
        if (unit == null) {
            return null;
        }
        String[] parts = unit.trim().split("/");
        if (parts.length != 2) {
            return null;
        }
        if (parts[1].equals("op")) {
            Double ns = nanosIn(parts[0]);
            return ns == null ? null : value -> value * ns;
        }
        if (parts[0].equals("ops")) {
            Double ns = nanosIn(parts[1]);
            return ns == null ? null : value -> ns / value;
        }
        return null;
    }

    private static Double nanosIn(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1.0;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> null;
        };
    }
}
