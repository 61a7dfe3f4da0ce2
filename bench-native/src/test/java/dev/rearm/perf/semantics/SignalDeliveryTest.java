package dev.rearm.perf.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.RingRecord;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.signal.TrapSignals;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import dev.rearm.perf.strategy.WatchpointSpec;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.RingSamples;
import dev.rearm.perf.testsupport.TrapCounts;
import dev.rearm.perf.testsupport.TrapSignalWait;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When the kernel sends a trap's signal. It queues the fasync wakeup on every overflow of an
 * O_ASYNC event (__perf_event_overflow), independent of the ring: a trap signals without any
 * ring, and keeps signalling once a ring nobody drains is full.
 */
@Tag(KernelSupport.TRAPS_TAG)
class SignalDeliveryTest {
    private static final int MOVES = 1000;

    private final WatchedMemory memory = new WatchedMemory(MOVES + 64);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void everyTrapSignalsEvenWithoutARing(Strategy strategy) {
        KernelSupport.assumeStrategy(strategy);
        KernelSupport.assumeSignals();
        WatchpointMover mover = strategy.arm(WatchpointSpec.headline(memory.address(0))
                .withShape(BreakpointType.W, 1).withPages(0));
        long signalsBefore = TrapSignals.threadCount();
        long traps;
        try (mover) {
            assertThat(mover.event().ring()).isNull();
            traps = trapOnEveryMove(mover);
        }
        TrapCounts.assertCounted("read()", traps, MOVES);
        TrapCounts.assertCounted("signals", TrapSignalWait.signalsSince(signalsBefore, MOVES), MOVES);
    }

    /** Modify keeps one 1-page ring: 1000 samples do not fit it, yet no signal is missing. */
    @Test
    void everyTrapSignalsWhileTheRingIsFull() {
        KernelSupport.assumeModify();
        KernelSupport.assumeSignals();
        WatchpointMover mover = Strategy.MODIFY.arm(WatchpointSpec.headline(memory.address(0))
                .withShape(BreakpointType.W, 1));
        long signalsBefore = TrapSignals.threadCount();
        long traps;
        List<RingRecord> kept;
        try (mover) {
            traps = trapOnEveryMove(mover);
            kept = RingSamples.drain(mover.event().ring());
        }
        assertThat(RingSamples.samples(kept)).as("samples the ring held: it must have filled").hasSizeLessThan(MOVES);
        TrapCounts.assertCounted("read()", traps, MOVES);
        TrapCounts.assertCounted("signals", TrapSignalWait.signalsSince(signalsBefore, MOVES), MOVES);
    }

    private long trapOnEveryMove(WatchpointMover mover) {
        for (int i = 1; i <= MOVES; i++) {
            mover.moveTo(memory.address(i));
            memory.store(i, (byte) i);
        }
        return mover.trapsCounted();
    }
}
