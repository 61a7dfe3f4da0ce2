package dev.rearm.perf.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.scenario.Notify;
import dev.rearm.perf.signal.SigtrapCell;
import dev.rearm.perf.signal.SigtrapSignals;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import dev.rearm.perf.strategy.WatchpointSpec;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.TrapCounts;
import java.lang.invoke.VarHandle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What attr.sigtrap promises a watchpoint tool: the SIGTRAP of a trap is delivered to the
 * trapping thread before the trapping store's next instruction (no wait), and it carries the
 * sig_data of the watchpoint as armed at that op: after a modify, the new address's tag (Linux
 * 5.17+), and nothing at all from the address it left; after a reopen, the new event's own tag.
 * Skips where watchpoints never fire (KernelSupport.assumeTraps).
 */
@Tag(KernelSupport.TRAPS_TAG)
class SigtrapDeliveryTest {
    private static final int MOVES = 500;

    private final WatchedMemory memory = new WatchedMemory(MOVES + 64);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void eachTrapArrivesAtOnceOnThisThreadWithTheNewAddressesTagAndNeverFromTheOldOne(Strategy strategy) {
        KernelSupport.assumeStrategy(strategy);
        if (strategy == Strategy.MODIFY) {
            KernelSupport.assumeSigDataModify();
        } else {
            KernelSupport.assumeSigtrap();
        }
        SigtrapCell cell = SigtrapCell.ofThisThread();
        long processBefore = SigtrapSignals.count();
        long threadBefore = cell.traps();
        long mismatchesBefore = cell.mismatches();
        try (WatchpointMover mover = strategy.arm(new WatchpointSpec(memory.address(0), BreakpointType.W, 1,
                Notify.SIGTRAP, 0, false))) {
            for (int i = 1; i <= MOVES; i++) {
                mover.moveTo(memory.address(i));
                long tag = SigtrapCell.tagOf(memory.address(i));
                cell.expect(tag);
                long before = cell.traps();

                memory.store(i - 1, (byte) i); // the address just left: no trap
                // The fences keep each store before the count read after it: only the kernel may delay the signal.
                VarHandle.fullFence();
                long afterLeft = cell.traps();
                TrapCounts.assertCounted("traps after a store to the address move " + i + " left", afterLeft - before, 0);

                memory.store(i, (byte) i);
                VarHandle.fullFence();
                TrapCounts.assertCounted("traps right after the store under move " + i, cell.traps() - afterLeft, 1);
                assertThat(cell.lastTag()).as("si_perf_data of move %d's trap", i).isEqualTo(tag);
            }
        }
        assertThat(cell.mismatches()).isEqualTo(mismatchesBefore);
        assertThat(SigtrapSignals.count() - processBefore).as("TRAP_PERF SIGTRAPs in the whole process")
                .isEqualTo(cell.traps() - threadBefore);
        TrapCounts.assertCounted("TRAP_PERF SIGTRAPs on this thread", cell.traps() - threadBefore, MOVES);
    }
}
