package dev.rearm.perf.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.HeaderFacts;
import dev.rearm.perf.testsupport.SelfSignals;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * libperfbp's notify=sigtrap handler, driven by SIGTRAPs this thread queues to itself with the
 * kernel's TRAP_PERF layout: runs on any machine, watchpoints firing or not. (What a real
 * watchpoint sends is checked in semantics/SigtrapDeliveryTest, where watchpoints fire.)
 */
class SigtrapHandlerTest {

    /** glibc 2.36 names no si_perf_data: the handler reads it at an offset of its own, which must be the kernel's. */
    @Test
    void theHandlerReadsSiPerfDataWhereTheKernelHeaderPutsIt() {
        assertThat(SigtrapSignals.perfDataOffset()).isEqualTo(HeaderFacts.of("siginfo.offset.si_perf_data"));
    }

    @Test
    void aTrapPerfSigtrapIsCountedOnThisThreadWithItsTag() {
        SigtrapCell cell = SigtrapCell.ofThisThread();
        long traps = cell.traps();
        long mismatches = cell.mismatches();
        long process = SigtrapSignals.count();

        cell.expect(0x7f00_1234_5678L);
        SelfSignals.queueTrapPerf(0x7f00_1234_5678L);

        assertThat(cell.traps()).isEqualTo(traps + 1);
        assertThat(cell.lastTag()).isEqualTo(0x7f00_1234_5678L);
        assertThat(cell.mismatches()).isEqualTo(mismatches);
        assertThat(SigtrapSignals.count()).isEqualTo(process + 1);
    }

    @Test
    void aTagOtherThanTheExpectedOneCountsAsAMismatch() {
        SigtrapCell cell = SigtrapCell.ofThisThread();
        long mismatches = cell.mismatches();

        cell.expect(0x1000);
        SelfSignals.queueTrapPerf(0x2000);

        assertThat(cell.mismatches()).isEqualTo(mismatches + 1);
        assertThat(cell.lastTag()).isEqualTo(0x2000);
        assertThat(cell.expectedTag()).isEqualTo(0x1000);
    }

    /** Each thread owns its watchpoints' traps: another thread's SIGTRAP leaves this thread's cell alone. */
    @Test
    void anotherThreadsTrapIsCountedInItsOwnCell() throws InterruptedException {
        SigtrapCell mine = SigtrapCell.ofThisThread();
        long myTraps = mine.traps();
        AtomicLong theirTraps = new AtomicLong(-1);

        Thread other = new Thread(() -> {
            SigtrapCell theirs = SigtrapCell.ofThisThread();
            long before = theirs.traps();
            theirs.expect(0x3000);
            SelfSignals.queueTrapPerf(0x3000);
            theirTraps.set(theirs.traps() - before);
        });
        other.start();
        other.join();

        assertThat(theirTraps.get()).isEqualTo(1);
        assertThat(mine.traps()).isEqualTo(myTraps);
    }

    @Test
    void theTagOfAnAddressIsTheAddress() {
        assertThat(SigtrapCell.tagOf(0x7fff_0000_1008L)).isEqualTo(0x7fff_0000_1008L);
    }
}
