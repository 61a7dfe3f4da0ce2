package dev.rearm.perf.event;

import java.nio.ByteBuffer;

/**
 * The body of a PERF_RECORD_SAMPLE: fields appear in the order of their sample_type bits
 * (IP, TID, TIME, ADDR, ...). rearm asks for no field past ADDR, so decoding stops there.
 */
final class SampleLayout {
    private SampleLayout() {
    }

    static RingRecord.Sample decode(ByteBuffer record, int offset, long sampleType) {
        int at = offset;
        long ip = 0;
        long addr = 0;
        if ((sampleType & PerfEventAttr.PERF_SAMPLE_IP) != 0) {
            ip = record.getLong(at);
            at += 8;
        }
        if ((sampleType & PerfEventAttr.PERF_SAMPLE_TID) != 0) {
            at += 8; // u32 pid, u32 tid
        }
        if ((sampleType & PerfEventAttr.PERF_SAMPLE_TIME) != 0) {
            at += 8;
        }
        if ((sampleType & PerfEventAttr.PERF_SAMPLE_ADDR) != 0) {
            addr = record.getLong(at);
        }
        return new RingRecord.Sample(ip, addr);
    }
}
