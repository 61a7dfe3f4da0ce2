package dev.rearm.perf.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.signal.TrapSignals;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import dev.rearm.perf.strategy.WatchpointSpec;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.TrapCounts;
import dev.rearm.perf.testsupport.TrapSignalWait;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The six correctness checks of the suite that accompanied the kernel commit
 * (linux-contrib/perf_event_modify_bp, test1..test6), rebuilt on our strategies and run for
 * both: each moves one watchpoint thousands of times with the headline shape (RW, 1 byte,
 * a 1-page ring, a signal per trap) and counts traps twice, by read() and by signals.
 *
 * <p>The original test6 meant to alternate a 2-byte and a 1-byte watchpoint, but its
 * {@code i & 1 == 0} parses as {@code i & (1 == 0)}, always false, so the length never changed
 * there; {@link #lengthChangeTakesEffect} does change it and checks that it matters.
 */
@Tag(KernelSupport.TRAPS_TAG)
class PublicSuiteChecksTest {
    private static final int MOVES = 5000;

    /** Two bytes per move, so that 2-byte watchpoints stay aligned and never overlap the next. */
    private final WatchedMemory memory = new WatchedMemory(2 * MOVES + 64);
    /** Consumes loaded values so the JIT cannot drop the loads that must trap. */
    private long sink;

    /** Arms before the test reads its signal baseline: the first assumption runs the probe, which traps once. */
    private WatchpointMover arm(Strategy strategy) {
        KernelSupport.assumeStrategy(strategy);
        KernelSupport.assumeSignals();
        return strategy.arm(WatchpointSpec.headline(memory.address(0)));
    }

    /** test1: moving alone never traps. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void watchpointThatIsNeverAccessedNeverTraps(Strategy strategy) {
        long traps;
        WatchpointMover mover = arm(strategy);
        long signalsBefore = TrapSignals.threadCount();
        try (mover) {
            for (int i = 1; i <= MOVES; i++) {
                mover.moveTo(memory.address(i));
            }
            traps = mover.trapsCounted();
        }
        assertThat(traps).isZero();
        assertThat(TrapSignalWait.signalsSince(signalsBefore, 0)).isZero();
    }

    /** test2: the watchpoint is gone from where it was. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void storeToOldAddressDoesNotTrapAfterMove(Strategy strategy) {
        long traps;
        WatchpointMover mover = arm(strategy);
        long signalsBefore = TrapSignals.threadCount();
        try (mover) {
            for (int i = 1; i <= MOVES; i++) {
                mover.moveTo(memory.address(i));
                memory.store(i - 1, (byte) i);
            }
            traps = mover.trapsCounted();
        }
        assertThat(traps).isZero();
        assertThat(TrapSignalWait.signalsSince(signalsBefore, 0)).isZero();
    }

    /** test3: the watchpoint is armed where it went, every time. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void storeToNewAddressTrapsEveryTime(Strategy strategy) {
        long traps;
        WatchpointMover mover = arm(strategy);
        long signalsBefore = TrapSignals.threadCount();
        try (mover) {
            for (int i = 1; i <= MOVES; i++) {
                mover.moveTo(memory.address(i));
                memory.store(i, (byte) i);
            }
            traps = mover.trapsCounted();
        }
        TrapCounts.assertCounted("read()", traps, MOVES);
        TrapCounts.assertCounted("signals", TrapSignalWait.signalsSince(signalsBefore, MOVES), MOVES);
    }

    /** test4: both at once: the new address traps, the old one, touched right after, does not. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void storeToNewAddressTrapsAndStoreToOldDoesNotInOneLoop(Strategy strategy) {
        long traps;
        WatchpointMover mover = arm(strategy);
        long signalsBefore = TrapSignals.threadCount();
        try (mover) {
            for (int i = 1; i <= MOVES; i++) {
                mover.moveTo(memory.address(i));
                memory.store(i, (byte) i);
                memory.store(i - 1, (byte) i);
            }
            traps = mover.trapsCounted();
        }
        TrapCounts.assertCounted("read()", traps, MOVES);
        TrapCounts.assertCounted("signals", TrapSignalWait.signalsSince(signalsBefore, MOVES), MOVES);
    }

    /** test5: a type change takes effect: a load traps while the watchpoint is RW, not while it is W. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void loadTrapsOnlyWhileTypeIsReadWrite(Strategy strategy) {
        int readWriteMoves = 0;
        long traps;
        WatchpointMover mover = arm(strategy);
        long signalsBefore = TrapSignals.threadCount();
        try (mover) {
            for (int i = 1; i <= MOVES; i++) {
                boolean readWrite = (i & 1) == 1;
                mover.moveTo(memory.address(i), readWrite ? BreakpointType.RW : BreakpointType.W, 1);
                sink += memory.load(i);
                readWriteMoves += readWrite ? 1 : 0;
            }
            traps = mover.trapsCounted();
        }
        assertThat(readWriteMoves).isBetween(1, MOVES - 1);
        TrapCounts.assertCounted("read()", traps, readWriteMoves);
        TrapCounts.assertCounted("signals", TrapSignalWait.signalsSince(signalsBefore, readWriteMoves), readWriteMoves);
    }

    /**
     * test6 as it was meant: a 2-byte watchpoint sees a store to its second byte, a 1-byte one
     * at the same address does not. Each move also loads the first byte, which traps at either
     * length and so shows that the 1-byte watchpoint is armed (a load, not a second store, so
     * that no compiler can merge it with the store into one 2-byte access).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void lengthChangeTakesEffect(Strategy strategy) {
        int twoByteMoves = 0;
        long traps;
        WatchpointMover mover = arm(strategy);
        long signalsBefore = TrapSignals.threadCount();
        try (mover) {
            for (int i = 1; i <= MOVES; i++) {
                int first = 2 * i;
                boolean twoBytes = (i & 1) == 0;
                mover.moveTo(memory.address(first), BreakpointType.RW, twoBytes ? 2 : 1);
                memory.store(first + 1, (byte) i);
                sink += memory.load(first);
                twoByteMoves += twoBytes ? 1 : 0;
            }
            traps = mover.trapsCounted();
        }
        long expected = MOVES + twoByteMoves;
        assertThat(twoByteMoves).isBetween(1, MOVES - 1);
        TrapCounts.assertCounted("read()", traps, expected);
        TrapCounts.assertCounted("signals", TrapSignalWait.signalsSince(signalsBefore, expected), expected);
    }
}
