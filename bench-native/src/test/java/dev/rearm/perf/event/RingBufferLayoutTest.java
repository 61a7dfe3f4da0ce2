package dev.rearm.perf.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.HeaderFacts;
import org.junit.jupiter.api.Test;

/** The ring reader's offsets into struct perf_event_mmap_page and its record types, against the header. */
class RingBufferLayoutTest {

    @Test
    void dataHeadAndDataTailOffsetsMatchTheHeader() {
        assertThat(RingBuffer.OFFSET_DATA_HEAD).isEqualTo(HeaderFacts.of("mmap_page.offset.data_head"));
        assertThat(RingBuffer.OFFSET_DATA_TAIL).isEqualTo(HeaderFacts.of("mmap_page.offset.data_tail"));
    }

    /** drain() reads type as the u32 at 0 and size as the u16 at 6 of an 8-byte header. */
    @Test
    void recordHeaderAndTypesMatchTheHeader() {
        assertThat(HeaderFacts.of("perf_event_header.sizeof")).isEqualTo(8);
        assertThat(HeaderFacts.of("perf_event_header.offset.type")).isZero();
        assertThat(HeaderFacts.of("perf_event_header.offset.size")).isEqualTo(6);
        assertThat(RingBuffer.PERF_RECORD_SAMPLE).isEqualTo(HeaderFacts.of("PERF_RECORD_SAMPLE"));
        assertThat(RingBuffer.PERF_RECORD_LOST).isEqualTo(HeaderFacts.of("PERF_RECORD_LOST"));
    }
}
