package dev.rearm.perf.testsupport;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.event.RingBuffer;
import dev.rearm.perf.event.RingRecord;
import java.util.List;

/** Drains a mover's ring the way a tool would, split into the records tests look at. */
public final class RingSamples {
    /** What every watchpoint the strategies arm samples (PerfEventAttr.breakpoint decides it). */
    public static final long BREAKPOINT_SAMPLE_TYPE = breakpointSampleType();

    private RingSamples() {
    }

    public static List<RingRecord> drain(RingBuffer ring) {
        return ring.drain(BREAKPOINT_SAMPLE_TYPE);
    }

    public static List<RingRecord.Sample> samples(List<RingRecord> records) {
        return records.stream().filter(RingRecord.Sample.class::isInstance).map(RingRecord.Sample.class::cast).toList();
    }

    public static long lost(List<RingRecord> records) {
        return records.stream().filter(RingRecord.Lost.class::isInstance)
                .mapToLong(r -> ((RingRecord.Lost) r).lost()).sum();
    }

    private static long breakpointSampleType() {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, 0, 1)) {
            return attr.sampleType();
        }
    }
}
