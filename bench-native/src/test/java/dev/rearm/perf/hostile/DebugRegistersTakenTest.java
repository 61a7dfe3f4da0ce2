package dev.rearm.perf.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.event.PerfException;
import dev.rearm.perf.linux.Errno;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import dev.rearm.perf.strategy.WatchpointSpec;
import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.InProcessLeakCheck;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.ProcessResources;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Debug registers used up by someone else. Arming then fails with ENOSPC and a message about
 * debug registers, and leaves no fd or perf mapping behind. A register can also be taken in the
 * middle of a reopen, between its close and its open: the mover then holds nothing, says so,
 * and still closes cleanly; modify never lets its register go, so it cannot lose it that way.
 */
@Tag(KernelSupport.TRAPS_TAG)
class DebugRegistersTakenTest {
    private static final int STRIDE = 64;
    /** Bounds the race for a register freed mid-reopen (usually won within a few hundred moves). */
    private static final long RACE_NANOS = 5_000_000_000L;
    private static final int MODIFY_MOVES_UNDER_THEFT = 50_000;

    private final WatchedMemory memory = new WatchedMemory(STRIDE * 8);
    private final List<PerfEvent> squatters = new ArrayList<>();
    private final List<PerfEventAttr> squatterAttrs = new ArrayList<>();

    @AfterEach
    void releaseSquatters() {
        squatters.forEach(PerfEvent::close);
        squatterAttrs.forEach(PerfEventAttr::close);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void armingWithEveryRegisterTakenFailsWithEnospcAndLeaksNothing(Strategy strategy) {
        KernelSupport.assumeStrategy(strategy);
        KernelSupport.assumeSignals();
        int slots = KernelSupport.debugRegisters();
        strategy.arm(headline(0)).close(); // loads and opens what arming needs once, before counting
        squat(slots);
        ProcessResources before = ProcessResources.now();

        assertThatThrownBy(() -> strategy.arm(headline(0)))
                .isInstanceOfSatisfying(PerfException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
                    assertThat(e.getMessage()).startsWith("perf_event_open failed with ENOSPC")
                            .contains("debug register");
                });

        InProcessLeakCheck.assertNothingLeaked(before);
        squatters.remove(0).close();
        try (WatchpointMover armed = strategy.arm(headline(0))) {
            assertThat(armed.event().fd()).as("one freed register is enough again").isPositive();
        }
    }

    @Test
    void registerTakenBetweenCloseAndOpenOfAReopenLeavesAMoverThatSaysSoAndClosesCleanly() throws Exception {
        KernelSupport.assumeStrategy(Strategy.REOPEN);
        KernelSupport.assumeSignals();
        int slots = KernelSupport.debugRegisters();
        assumeCpuWideWatchpoints();
        Strategy.REOPEN.arm(headline(0)).close();
        ProcessResources before = ProcessResources.now();
        squat(slots - 1);
        WatchpointMover mover = Strategy.REOPEN.arm(headline(0));
        // With every register of this thread in use, a CPU-wide watchpoint fits only in the
        // moment a reopen has closed its event and not yet opened the next one.
        Thief thief = Thief.start(memory);
        PerfException lost = null;
        long moves = 0;
        try {
            long deadline = System.nanoTime() + RACE_NANOS;
            while (lost == null && System.nanoTime() < deadline) {
                try {
                    mover.moveTo(memory.address((int) (++moves % STRIDE)));
                } catch (PerfException e) {
                    lost = e;
                }
            }
        } finally {
            thief.stop();
        }
        try (CpuWideWatchpoint taken = thief.catchOrNull()) {
            System.out.printf("a CPU-wide watchpoint took the register in reopen move %d%n", moves);
            HostPrecondition.assume(lost != null, "the CPU-wide watchpoint never got in between a close and an open in "
                    + moves + " moves");
            assertThat(taken).as("the thief holds the register the reopen lost").isNotNull();
            assertThat(lost.errno()).isEqualTo(Errno.ENOSPC);
            assertThat(lost.getMessage()).contains("debug register");
            assertThat(mover.event()).as("the mover holds no event any more").isNull();
            assertThatThrownBy(() -> mover.moveTo(memory.address(0)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("watchpoint is gone").hasMessageContaining("ENOSPC")
                    .hasMessageContaining("arm a new one");
            assertThat(mover.trapsCounted()).isZero();
        } finally {
            mover.close();
        }
        mover.close(); // idempotent
        releaseSquatters();
        squatters.clear();
        InProcessLeakCheck.assertNothingLeaked(before);
    }

    @Test
    void modifyKeepsItsRegisterWhileACpuWideWatchpointWaitsForOne() throws Exception {
        KernelSupport.assumeModify();
        int slots = KernelSupport.debugRegisters();
        assumeCpuWideWatchpoints();
        squat(slots - 1);
        try (WatchpointMover mover = Strategy.MODIFY.arm(headline(0))) {
            Thief thief = Thief.start(memory);
            try {
                for (int move = 1; move <= MODIFY_MOVES_UNDER_THEFT; move++) {
                    mover.moveTo(memory.address(move % STRIDE));
                }
            } finally {
                thief.stop();
            }
            try (CpuWideWatchpoint taken = thief.catchOrNull()) {
                assertThat(taken).as("a register freed during " + MODIFY_MOVES_UNDER_THEFT + " modifies").isNull();
                assertThat(thief.attempts()).as("the thief kept trying meanwhile").isPositive();
            }
        }
    }

    private WatchpointSpec headline(int offset) {
        return WatchpointSpec.headline(memory.address(STRIDE * 4 + offset));
    }

    /** "Someone else" on this thread: plain watchpoints holding {@code count} debug registers. */
    private void squat(int count) {
        for (int slot = 0; slot < count; slot++) {
            PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(STRIDE * 5 + 8 * slot), 1);
            squatterAttrs.add(attr);
            squatters.add(PerfEvent.open(attr));
        }
    }

    private void assumeCpuWideWatchpoints() {
        int[] refusal = new int[1];
        CpuWideWatchpoint probe = CpuWideWatchpoint.tryOpen(memory, 0, refusal);
        HostPrecondition.assume(probe != null, () -> "a CPU-wide watchpoint (needs CAP_PERFMON or root) is refused here with "
                + Errno.name(refusal[0]));
        probe.close();
    }

    /** Another thread that keeps trying to open a CPU-wide watchpoint on CPU 0 until it gets one. */
    private static final class Thief {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<CpuWideWatchpoint> caught = new AtomicReference<>();
        private final AtomicReference<Integer> unexpected = new AtomicReference<>();
        private volatile long attempts;
        private Thread thread;

        static Thief start(WatchedMemory memory) {
            Thief thief = new Thief();
            thief.thread = new Thread(() -> thief.run(memory), "register-thief");
            thief.thread.start();
            return thief;
        }

        private void run(WatchedMemory memory) {
            int[] refusal = new int[1];
            while (!stop.get()) {
                attempts++;
                CpuWideWatchpoint got = CpuWideWatchpoint.tryOpen(memory, 0, refusal);
                if (got != null) {
                    caught.set(got);
                    return;
                }
                if (refusal[0] != Errno.ENOSPC) {
                    unexpected.set(refusal[0]);
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            thread.join();
        }

        long attempts() {
            return attempts;
        }

        /** What it holds (the caller closes it); fails if it was refused for another reason than ENOSPC. */
        CpuWideWatchpoint catchOrNull() {
            assertThat(unexpected.get()).as("the thief's refusals are all ENOSPC").isNull();
            return caught.get();
        }
    }
}
