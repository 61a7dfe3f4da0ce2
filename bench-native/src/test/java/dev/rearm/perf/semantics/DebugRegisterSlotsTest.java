package dev.rearm.perf.semantics;

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
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.TrapCounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Moving a watchpoint never needs a spare debug register: modify rewrites the slot it holds,
 * reopen frees its slot (close) before it takes one again (open). With every slot of the thread
 * taken, each watchpoint can still move many times, one more is still refused, and closing one
 * frees exactly one.
 */
@Tag(KernelSupport.TRAPS_TAG)
class DebugRegisterSlotsTest {
    private static final int MOVES_PER_SLOT = 500;
    private static final int STRIDE = 64;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void movingNeverTakesAnotherDebugRegister(Strategy strategy) {
        KernelSupport.assumeStrategy(strategy);
        int slots = KernelSupport.debugRegisters();
        WatchedMemory memory = new WatchedMemory(STRIDE * (slots + 1) + MOVES_PER_SLOT);
        List<WatchpointMover> movers = new ArrayList<>();
        try (PerfEventAttr extra = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(STRIDE * slots), 1)) {
            for (int slot = 0; slot < slots; slot++) {
                movers.add(strategy.arm(WatchpointSpec.headline(memory.address(STRIDE * slot))));
            }
            assertRefusedForLackOfSlots(extra);

            for (int move = 1; move <= MOVES_PER_SLOT; move++) {
                for (int slot = 0; slot < slots; slot++) {
                    movers.get(slot).moveTo(memory.address(STRIDE * slot + move % STRIDE));
                }
            }
            for (int slot = 0; slot < slots; slot++) {
                int offset = STRIDE * slot + MOVES_PER_SLOT % STRIDE;
                memory.store(offset, (byte) 1);
                TrapCounts.assertCounted("slot " + slot + " still armed where it moved", movers.get(slot).trapsCounted(), 1);
            }
            assertRefusedForLackOfSlots(extra);

            movers.remove(0).close();
            try (PerfEvent reclaimed = PerfEvent.open(extra)) {
                assertThat(reclaimed.fd()).isPositive();
                assertRefusedForLackOfSlots(extra);
            }
        } finally {
            movers.forEach(WatchpointMover::close);
        }
    }

    private static void assertRefusedForLackOfSlots(PerfEventAttr attr) {
        assertThatThrownBy(() -> PerfEvent.open(attr).close())
                .isInstanceOfSatisfying(PerfException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
                    assertThat(e.getMessage()).contains("debug register");
                });
    }
}
