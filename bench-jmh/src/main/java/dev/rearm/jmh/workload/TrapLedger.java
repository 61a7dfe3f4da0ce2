package dev.rearm.jmh.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one iteration expected the kernel to see and what it reported, source by source (the
 * counters, the rings, the signals, the liveness stores). Kept apart from the timed state so the
 * rule "every source agrees exactly, or no figure is reported" is tested without a kernel.
 */
public final class TrapLedger {
    private record Entry(long expected, long observed, String unit) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Records one source: {@code observed} must equal {@code expected}, in {@code unit}s. */
    public TrapLedger expect(String source, long expected, long observed, String unit) {
        if (entries.putIfAbsent(source, new Entry(expected, observed, unit)) != null) {
            throw new IllegalArgumentException("the ledger already holds " + source);
        }
        return this;
    }

    /** One line per source that disagrees, naming it: empty when the premise holds. */
    public List<String> mismatches() {
        List<String> out = new ArrayList<>();
        entries.forEach((source, e) -> {
            if (e.expected() != e.observed()) {
                out.add(source + ": " + e.observed() + " " + e.unit() + " where " + e.expected() + " were expected");
            }
        });
        return out;
    }

    /** Throws {@link PremiseViolation} naming every mismatch, prefixed by {@code context}. */
    public void verify(String context) {
        List<String> wrong = mismatches();
        if (!wrong.isEmpty()) {
            throw new PremiseViolation(context + ": premise failed: " + String.join("; ", wrong));
        }
    }

    public void clear() {
        entries.clear();
    }
}
