package dev.rearm.perf.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.TrapCounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ring reader on records the kernel really wrote: a watchpoint traps into a 1-page ring and
 * the test checks what drain() decodes. IP+ADDR samples are 24 bytes, which does not divide the
 * 4096-byte data area, so records keep straddling the wrap point at different places.
 */
@Tag(KernelSupport.TRAPS_TAG)
class RingBufferDecodingTest {
    private static final long IP_ADDR = PerfEventAttr.PERF_SAMPLE_IP | PerfEventAttr.PERF_SAMPLE_ADDR;

    private final WatchedMemory memory = new WatchedMemory(4096);

    @BeforeEach
    void needsTraps() {
        // Every test here decodes the samples that traps wrote.
        KernelSupport.assumeTraps();
    }

    @Test
    void decodesEverySampleAcrossTheWrapPoint() {
        KernelSupport.assumeModify();
        int traps = 1000;
        int drainEvery = 50;
        List<Long> watched = new ArrayList<>();
        List<RingRecord> records = new ArrayList<>();
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1);
             PerfEvent event = PerfEvent.open(attr)) {
            RingBuffer ring = event.mapRing(1);
            for (int i = 0; i < traps; i++) {
                int offset = i % memory.size();
                attr.setBpAddr(memory.address(offset));
                event.modify(attr);
                memory.store(offset, (byte) i);
                watched.add(memory.address(offset));
                if (i % drainEvery == drainEvery - 1) {
                    records.addAll(ring.drain(IP_ADDR));
                }
            }
            records.addAll(ring.drain(IP_ADDR));
            assertThat(ring.dataHead()).as("bytes written: several times round the ring")
                    .isGreaterThan(3 * ring.dataSize());
        }
        assertThat(records).allSatisfy(r -> assertThat(r).isInstanceOf(RingRecord.Sample.class));
        assertThat(records).extracting(r -> ((RingRecord.Sample) r).addr()).containsExactlyElementsOf(watched);
        assertThat(records).extracting(r -> ((RingRecord.Sample) r).ip()).doesNotContain(0L);
    }

    @Test
    void drainAdvancesDataTailToDataHead() {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1);
             PerfEvent event = PerfEvent.open(attr)) {
            RingBuffer ring = event.mapRing(1);
            memory.store(0, (byte) 1);
            memory.store(0, (byte) 2);
            assertThat(ring.dataHead()).isGreaterThan(ring.dataTail());

            assertThat(ring.drain(IP_ADDR)).hasSize(2);
            assertThat(ring.dataTail()).isEqualTo(ring.dataHead());
            assertThat(ring.drain(IP_ADDR)).isEmpty();
        }
    }

    /** The kernel stops at data_tail: what does not fit is counted and reported in a LOST record. */
    @Test
    void reportsWhatAFullRingLost() {
        int traps = 500;
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1);
             PerfEvent event = PerfEvent.open(attr)) {
            RingBuffer ring = event.mapRing(1);
            for (int i = 0; i < traps; i++) {
                memory.store(0, (byte) i);
            }
            List<RingRecord> kept = ring.drain(IP_ADDR);
            assertThat(kept).hasSizeBetween(1, traps - 1).allSatisfy(r -> assertThat(r).isInstanceOf(RingRecord.Sample.class));

            memory.store(0, (byte) 1);
            List<RingRecord> after = ring.drain(IP_ADDR);
            assertThat(after).hasSize(2);
            assertThat(after.get(0)).isInstanceOfSatisfying(RingRecord.Lost.class,
                    lost -> assertThat(lost.lost()).isEqualTo(traps - kept.size()));
            assertThat(after.get(1)).isInstanceOf(RingRecord.Sample.class);
            TrapCounts.assertCounted("read()", event.readCount(), traps + 1);
        }
    }

    /** Fields come in sample_type bit order; TID and TIME sit between IP and ADDR and must be skipped. */
    @Test
    void findsAddrBehindTidAndTime() {
        long sampleType = IP_ADDR | PerfEventAttr.PERF_SAMPLE_TID | PerfEventAttr.PERF_SAMPLE_TIME;
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(8), 1)) {
            attr.setRawLong(PerfEventAttr.OFFSET_SAMPLE_TYPE, sampleType);
            try (PerfEvent event = PerfEvent.open(attr)) {
                RingBuffer ring = event.mapRing(1);
                memory.store(8, (byte) 1);
                assertThat(ring.drain(sampleType)).singleElement().isInstanceOfSatisfying(RingRecord.Sample.class,
                        sample -> assertThat(sample.addr()).isEqualTo(memory.address(8)));
            }
        }
    }

    @Test
    void refusesARingSizeThatIsNotAPowerOfTwo() {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1);
             PerfEvent event = PerfEvent.open(attr)) {
            assertThatThrownBy(() -> event.mapRing(3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pages 3").hasMessageContaining("power of two");
            assertThat(event.ring()).isNull();
        }
    }
}
