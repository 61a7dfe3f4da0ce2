package dev.rearm.perf.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.testsupport.HeaderFacts;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PerfEventAttr writes struct perf_event_attr by hand at fixed offsets; this pins every offset,
 * width, flag bit and value against the C header, compiled by gcc (src/test/c/abi_facts.c).
 */
class PerfEventAttrLayoutTest {
    private static final long ADDRESS = 0x1122_3344_5566_7788L;

    @Test
    void fieldOffsetsMatchTheHeader() {
        assertThat(PerfEventAttr.OFFSET_TYPE).isEqualTo(HeaderFacts.of("attr.offset.type"));
        assertThat(PerfEventAttr.OFFSET_SIZE).isEqualTo(HeaderFacts.of("attr.offset.size"));
        assertThat(PerfEventAttr.OFFSET_CONFIG).isEqualTo(HeaderFacts.of("attr.offset.config"));
        assertThat(PerfEventAttr.OFFSET_SAMPLE_PERIOD).isEqualTo(HeaderFacts.of("attr.offset.sample_period"));
        assertThat(PerfEventAttr.OFFSET_SAMPLE_TYPE).isEqualTo(HeaderFacts.of("attr.offset.sample_type"));
        assertThat(PerfEventAttr.OFFSET_READ_FORMAT).isEqualTo(HeaderFacts.of("attr.offset.read_format"));
        assertThat(PerfEventAttr.OFFSET_FLAGS).isEqualTo(HeaderFacts.of("attr.offset.flags"));
        assertThat(PerfEventAttr.OFFSET_WAKEUP_EVENTS).isEqualTo(HeaderFacts.of("attr.offset.wakeup_events"));
        assertThat(PerfEventAttr.OFFSET_BP_TYPE).isEqualTo(HeaderFacts.of("attr.offset.bp_type"));
        assertThat(PerfEventAttr.OFFSET_BP_ADDR).isEqualTo(HeaderFacts.of("attr.offset.bp_addr"));
        assertThat(PerfEventAttr.OFFSET_BP_LEN).isEqualTo(HeaderFacts.of("attr.offset.bp_len"));
        assertThat(PerfEventAttr.OFFSET_SIG_DATA).isEqualTo(HeaderFacts.of("attr.offset.sig_data"));
        assertThat(HeaderFacts.of("attr.width.sig_data")).isEqualTo(8);
    }

    /** notify=sigtrap: both flag bits and the tag land where the header puts them; nothing else changes. */
    @Test
    void sigtrapSetsItsTwoFlagsAndTheTagOnly() {
        try (PerfEventAttr plain = PerfEventAttr.breakpoint(BreakpointType.W, ADDRESS, 1);
             PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, ADDRESS, 1)) {
            attr.setSigtrap(0xfeed_f00dL);
            ByteBuffer bytes = ByteBuffer.wrap(attr.pointer().getByteArray(0, PerfEventAttr.SIZE))
                    .order(ByteOrder.nativeOrder());
            assertThat(field(bytes, "flags")).isEqualTo(HeaderFacts.of("attr.flag.exclude_kernel")
                    | HeaderFacts.of("attr.flag.exclude_hv") | HeaderFacts.of("attr.flag.remove_on_exec")
                    | HeaderFacts.of("attr.flag.sigtrap"));
            assertThat(field(bytes, "sig_data")).isEqualTo(0xfeed_f00dL);
            assertThat(attr.sigtrap()).isTrue();
            assertThat(plain.sigtrap()).isFalse();

            attr.setSigData(ADDRESS);
            assertThat(attr.sigData()).isEqualTo(ADDRESS);
            byte[] before = plain.pointer().getByteArray(0, PerfEventAttr.SIZE);
            byte[] after = attr.pointer().getByteArray(0, PerfEventAttr.SIZE);
            for (int i = 0; i < PerfEventAttr.SIZE; i++) {
                boolean flagsOrTag = (i >= PerfEventAttr.OFFSET_FLAGS && i < PerfEventAttr.OFFSET_FLAGS + 8)
                        || (i >= PerfEventAttr.OFFSET_SIG_DATA && i < PerfEventAttr.OFFSET_SIG_DATA + 8);
                if (!flagsOrTag) {
                    assertThat(after[i]).as("byte %d", i).isEqualTo(before[i]);
                }
            }
        }
    }

    /** Reads an encoded attr back with the header's offsets and widths: catches a setInt where a u64 is. */
    @Test
    void encodedBreakpointReadsBackThroughTheHeaderLayout() {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.RW, ADDRESS, 8)) {
            ByteBuffer bytes = ByteBuffer.wrap(attr.pointer().getByteArray(0, PerfEventAttr.SIZE))
                    .order(ByteOrder.nativeOrder());
            assertThat(field(bytes, "type")).isEqualTo(HeaderFacts.of("PERF_TYPE_BREAKPOINT"));
            assertThat(field(bytes, "size")).isEqualTo(PerfEventAttr.SIZE);
            assertThat(field(bytes, "config")).isZero();
            assertThat(field(bytes, "sample_period")).isEqualTo(1);
            assertThat(field(bytes, "sample_type"))
                    .isEqualTo(HeaderFacts.of("PERF_SAMPLE_IP") | HeaderFacts.of("PERF_SAMPLE_ADDR"));
            assertThat(field(bytes, "read_format")).isZero();
            assertThat(field(bytes, "flags"))
                    .isEqualTo(HeaderFacts.of("attr.flag.exclude_kernel") | HeaderFacts.of("attr.flag.exclude_hv"));
            assertThat(field(bytes, "wakeup_events")).isEqualTo(1);
            assertThat(field(bytes, "bp_type")).isEqualTo(HeaderFacts.of("HW_BREAKPOINT_RW"));
            assertThat(field(bytes, "bp_addr")).isEqualTo(ADDRESS);
            assertThat(field(bytes, "bp_len")).isEqualTo(8);
        }
    }

    /** Fields are written through a buffer over the native memory: after close it must not reach freed memory. */
    @Test
    void aClosedAttrRefusesAccessInsteadOfTouchingFreedMemory() {
        PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, ADDRESS, 1);
        attr.close();

        assertThatThrownBy(() -> attr.setBpAddr(ADDRESS + 8)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(attr::bpAddr).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void flagBitsMatchTheHeader() {
        assertThat(PerfEventAttr.FLAG_DISABLED).isEqualTo(HeaderFacts.of("attr.flag.disabled"));
        assertThat(PerfEventAttr.FLAG_EXCLUDE_KERNEL).isEqualTo(HeaderFacts.of("attr.flag.exclude_kernel"));
        assertThat(PerfEventAttr.FLAG_EXCLUDE_HV).isEqualTo(HeaderFacts.of("attr.flag.exclude_hv"));
        assertThat(PerfEventAttr.FLAG_REMOVE_ON_EXEC).isEqualTo(HeaderFacts.of("attr.flag.remove_on_exec"));
        assertThat(PerfEventAttr.FLAG_SIGTRAP).isEqualTo(HeaderFacts.of("attr.flag.sigtrap"));
    }

    @Test
    void setDisabledTogglesOnlyTheDisabledBit() {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, ADDRESS, 1)) {
            long enabledFlags = attr.rawLong(PerfEventAttr.OFFSET_FLAGS);
            attr.setDisabled(true);
            assertThat(attr.rawLong(PerfEventAttr.OFFSET_FLAGS))
                    .isEqualTo(enabledFlags | HeaderFacts.of("attr.flag.disabled"));
            attr.setDisabled(false);
            assertThat(attr.rawLong(PerfEventAttr.OFFSET_FLAGS)).isEqualTo(enabledFlags);
        }
    }

    @Test
    void typeSampleAndBreakpointConstantsMatchTheHeader() {
        assertThat(PerfEventAttr.PERF_TYPE_SOFTWARE).isEqualTo(HeaderFacts.of("PERF_TYPE_SOFTWARE"));
        assertThat(PerfEventAttr.PERF_TYPE_BREAKPOINT).isEqualTo(HeaderFacts.of("PERF_TYPE_BREAKPOINT"));
        assertThat(PerfEventAttr.PERF_COUNT_SW_CPU_CLOCK).isEqualTo(HeaderFacts.of("PERF_COUNT_SW_CPU_CLOCK"));
        assertThat(PerfEventAttr.PERF_COUNT_SW_TASK_CLOCK).isEqualTo(HeaderFacts.of("PERF_COUNT_SW_TASK_CLOCK"));
        assertThat(PerfEventAttr.PERF_COUNT_SW_PAGE_FAULTS).isEqualTo(HeaderFacts.of("PERF_COUNT_SW_PAGE_FAULTS"));
        assertThat(PerfEventAttr.PERF_COUNT_SW_DUMMY).isEqualTo(HeaderFacts.of("PERF_COUNT_SW_DUMMY"));
        assertThat(PerfEventAttr.PERF_SAMPLE_IP).isEqualTo(HeaderFacts.of("PERF_SAMPLE_IP"));
        assertThat(PerfEventAttr.PERF_SAMPLE_TID).isEqualTo(HeaderFacts.of("PERF_SAMPLE_TID"));
        assertThat(PerfEventAttr.PERF_SAMPLE_TIME).isEqualTo(HeaderFacts.of("PERF_SAMPLE_TIME"));
        assertThat(PerfEventAttr.PERF_SAMPLE_ADDR).isEqualTo(HeaderFacts.of("PERF_SAMPLE_ADDR"));
        assertThat(BreakpointType.R.bits()).isEqualTo(HeaderFacts.of("HW_BREAKPOINT_R"));
        assertThat(BreakpointType.W.bits()).isEqualTo(HeaderFacts.of("HW_BREAKPOINT_W"));
        assertThat(BreakpointType.RW.bits()).isEqualTo(HeaderFacts.of("HW_BREAKPOINT_RW"));
        assertThat(BreakpointType.X.bits()).isEqualTo(HeaderFacts.of("HW_BREAKPOINT_X"));
    }

    /**
     * SIZE is 136 (PERF_ATTR_SIZE_VER8, linux 6.3+) while the header of this machine may be older
     * (linux-libc-dev 6.1: sizeof 128). Both are right as long as: every field we write lies
     * inside SIZE, and every byte past the header's struct is zero, because a kernel that knows
     * a smaller struct accepts a larger size exactly when the unknown tail is zero
     * (copy_struct_from_user; E2BIG otherwise). A header newer than SIZE is fine too: the kernel
     * zero-fills fields we do not pass.
     */
    @Test
    void sizeCoversEveryWrittenFieldAndTheTailPastTheHeaderIsZero() {
        long lastFieldEnd = HeaderFacts.of("attr.offset.sig_data") + HeaderFacts.of("attr.width.sig_data");
        long headerSize = HeaderFacts.of("attr.sizeof");
        assertThat((long) PerfEventAttr.SIZE).isGreaterThanOrEqualTo(lastFieldEnd)
                .isGreaterThanOrEqualTo(HeaderFacts.of("PERF_ATTR_SIZE_VER0"));
        assertThat(PerfEventAttr.SIZE % 8).as("the kernel's attr sizes are u64 multiples").isZero();
        if (PerfEventAttr.SIZE <= headerSize) {
            assertThat(publishedSizes()).containsValue((long) PerfEventAttr.SIZE);
        }
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.RW, ADDRESS, 8)) {
            byte[] bytes = attr.pointer().getByteArray(0, PerfEventAttr.SIZE);
            assertThat(IntStream.range((int) Math.min(headerSize, PerfEventAttr.SIZE), PerfEventAttr.SIZE)
                    .map(i -> bytes[i])).as("bytes past the header's sizeof %d", headerSize).containsOnly(0);
        }
    }

    @Test
    void runningKernelAcceptsTheAttrSize() {
        KernelSupport.assumeBreakpoints();
        WatchedMemory memory = new WatchedMemory(8);
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1);
             PerfEvent event = PerfEvent.open(attr)) {
            assertThat(event.fd()).isPositive();
        }
    }

    private static Map<String, Long> publishedSizes() {
        Map<String, Long> sizes = new TreeMap<>();
        HeaderFacts.all().forEach((name, value) -> {
            if (name.startsWith("PERF_ATTR_SIZE_VER")) {
                sizes.put(name, value);
            }
        });
        return sizes;
    }

    private static long field(ByteBuffer bytes, String name) {
        int offset = (int) HeaderFacts.of("attr.offset." + name);
        int width = (int) HeaderFacts.of("attr.width." + name);
        switch (width) {
            case 4:
                return Integer.toUnsignedLong(bytes.getInt(offset));
            case 8:
                return bytes.getLong(offset);
            default:
                throw new AssertionError("attr field " + name + " is " + width + " bytes wide");
        }
    }
}
