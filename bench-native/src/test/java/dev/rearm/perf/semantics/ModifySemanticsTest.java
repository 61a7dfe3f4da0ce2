package dev.rearm.perf.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.event.PerfException;
import dev.rearm.perf.event.PerfOperation;
import dev.rearm.perf.linux.Errno;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.probe.ShapeSupport;
import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.TrapCounts;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What PERF_EVENT_IOC_MODIFY_ATTRIBUTES accepts and refuses, and what a refusal leaves behind
 * (kernel/events/core.c perf_event_modify_attributes and modify_user_hw_breakpoint_check:
 * only bp_addr, bp_type, bp_len and disabled may differ from the event's attr).
 */
@Tag(KernelSupport.TRAPS_TAG)
class ModifySemanticsTest {
    private static final int OLD = 0;
    private static final int NEW = 64;

    private final WatchedMemory memory = new WatchedMemory(256);

    @BeforeEach
    void needsModify() {
        KernelSupport.assumeModify();
    }

    static Stream<Arguments> fieldsOtherThanTheBreakpoint() {
        return Stream.of(
                field("config", PerfEventAttr.OFFSET_CONFIG, v -> v + 1),
                field("sample_period", PerfEventAttr.OFFSET_SAMPLE_PERIOD, v -> v + 1),
                field("sample_type", PerfEventAttr.OFFSET_SAMPLE_TYPE, v -> v | PerfEventAttr.PERF_SAMPLE_TID),
                field("read_format", PerfEventAttr.OFFSET_READ_FORMAT, v -> v | 1),
                // bit 5 of the flags word is exclude_kernel (pinned against the header by PerfEventAttrLayoutTest)
                field("exclude_kernel", PerfEventAttr.OFFSET_FLAGS, v -> v & ~(1L << 5)),
                // wakeup_events is the low half of the u64 it shares with bp_type (little-endian x86_64/arm64)
                field("wakeup_events", PerfEventAttr.OFFSET_WAKEUP_EVENTS, v -> v + 1));
    }

    private static Arguments field(String name, int offset, LongUnaryOperator change) {
        return Arguments.of(name, offset, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsOtherThanTheBreakpoint")
    void changingAnotherFieldIsRefusedAndWatchpointStillFiresAtOldAddress(String name, int offset,
                                                                         LongUnaryOperator change) {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(OLD), 1);
             PerfEvent event = PerfEvent.open(attr);
             PerfEventAttr moved = attr.copy()) {
            moved.setBpAddr(memory.address(NEW));
            moved.setRawLong(offset, change.applyAsLong(moved.rawLong(offset)));

            assertThatThrownBy(() -> event.modify(moved))
                    .isInstanceOfSatisfying(PerfException.class, e -> {
                        assertThat(e.operation()).isEqualTo(PerfOperation.MODIFY);
                        assertThat(e.errnoName()).isEqualTo("EINVAL");
                    });

            memory.store(NEW, (byte) 1);
            assertThat(event.readCount()).as("store to the address the refused modify asked for").isZero();
            memory.store(OLD, (byte) 1);
            TrapCounts.assertCounted("store to the address it was armed at", event.readCount(), 1);
        }
    }

    @Test
    void shapeTheCpuRefusesIsRefusedByModifyAsByOpenAndWatchpointStays() {
        ShapeSupport refused = KernelSupport.probe().shapes().stream()
                .filter(s -> !s.supported() && !"X".equals(s.bpType()))
                .findFirst().orElse(null);
        HostPrecondition.assume(refused != null, "this CPU accepts every data watchpoint shape the probe tried");
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(OLD), 1);
             PerfEvent event = PerfEvent.open(attr);
             PerfEventAttr moved = attr.copy()) {
            moved.setBpAddr(memory.address(NEW));
            moved.setBpType(BreakpointType.parse(refused.bpType()));
            moved.setBpLen(refused.bpLen());

            assertThatThrownBy(() -> event.modify(moved))
                    .isInstanceOfSatisfying(PerfException.class,
                            e -> assertThat(e.errnoName()).isEqualTo(refused.reason()));

            memory.store(NEW, (byte) 1);
            memory.store(OLD, (byte) 1);
            TrapCounts.assertCounted("read()", event.readCount(), 1);
        }
    }

    @ParameterizedTest(name = "config {0}")
    @ValueSource(longs = {PerfEventAttr.PERF_COUNT_SW_PAGE_FAULTS, PerfEventAttr.PERF_COUNT_SW_DUMMY})
    void modifyOnSoftwareEventIsNotSupported(long config) {
        try (PerfEventAttr attr = PerfEventAttr.software(config);
             PerfEvent event = PerfEvent.open(attr)) {
            assertThatThrownBy(() -> event.modify(attr))
                    .isInstanceOfSatisfying(PerfException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP);
                        assertThat(e.getMessage()).contains("breakpoint events only");
                    });
        }
    }

    /**
     * cpu-clock and task-clock are software events too, but recent kernels give them a PMU of
     * their own and rewrite the event's type at open, so the ioctl's first check (the new attr's
     * type equals the event's) refuses them with EINVAL (seen on 6.18) before the EOPNOTSUPP
     * that other software events get (and that older kernels give these too).
     */
    @ParameterizedTest(name = "config {0}")
    @ValueSource(longs = {PerfEventAttr.PERF_COUNT_SW_CPU_CLOCK, PerfEventAttr.PERF_COUNT_SW_TASK_CLOCK})
    void modifyOnClockEventIsRefused(long config) {
        try (PerfEventAttr attr = PerfEventAttr.software(config);
             PerfEvent event = PerfEvent.open(attr)) {
            assertThatThrownBy(() -> event.modify(attr))
                    .isInstanceOfSatisfying(PerfException.class,
                            e -> assertThat(e.errno()).isIn(Errno.EINVAL, Errno.EOPNOTSUPP));
        }
    }

    @Test
    void disabledInNewAttrDisarms() {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(OLD), 1);
             PerfEvent event = PerfEvent.open(attr)) {
            attr.setBpAddr(memory.address(NEW));
            attr.setDisabled(true);
            event.modify(attr);
            memory.store(NEW, (byte) 1);
            memory.store(OLD, (byte) 1);
            assertThat(event.readCount()).as("stores while modified to disabled=1").isZero();

            attr.setDisabled(false);
            event.modify(attr);
            memory.store(NEW, (byte) 2);
            TrapCounts.assertCounted("store after modify back to disabled=0", event.readCount(), 1);
        }
    }

    @Test
    void disabledZeroRearmsAfterIocDisable() {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(OLD), 1);
             PerfEvent event = PerfEvent.open(attr)) {
            event.disable();
            memory.store(OLD, (byte) 1);
            assertThat(event.readCount()).as("store after PERF_EVENT_IOC_DISABLE").isZero();

            attr.setBpAddr(memory.address(NEW));
            event.modify(attr);
            memory.store(NEW, (byte) 1);
            TrapCounts.assertCounted("store after a modify with disabled=0", event.readCount(), 1);
        }
    }

    @Test
    void modifyKeepsTheTrapCountOfTheEvent() {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(OLD), 1);
             PerfEvent event = PerfEvent.open(attr)) {
            for (int i = 0; i < 100; i++) {
                attr.setBpAddr(memory.address(i));
                event.modify(attr);
                memory.store(i, (byte) i);
                TrapCounts.assertCounted("read() after store " + i, event.readCount(), i + 1);
            }
        }
    }
}
