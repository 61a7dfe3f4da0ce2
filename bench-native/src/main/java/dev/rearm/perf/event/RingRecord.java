package dev.rearm.perf.event;

/** A record read from a perf ring buffer (the ones rearm decodes, and the rest by type). */
public sealed interface RingRecord permits RingRecord.Sample, RingRecord.Lost, RingRecord.Other {

    /** PERF_RECORD_SAMPLE with the fields PERF_SAMPLE_IP and PERF_SAMPLE_ADDR (0 where not sampled). */
    record Sample(long ip, long addr) implements RingRecord {
    }

    /** PERF_RECORD_LOST: the kernel dropped {@code lost} records because the ring was full. */
    record Lost(long id, long lost) implements RingRecord {
    }

    /** Any other record type, kept so a reader can tell that something else arrived. */
    record Other(int type, int size) implements RingRecord {
    }
}
