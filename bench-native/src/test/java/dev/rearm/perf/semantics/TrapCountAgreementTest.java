package dev.rearm.perf.semantics;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three ways the benchmarks can count traps agree: the event's count (read()), the samples
 * in the ring, and the signals the arming thread received. The ring is drained before every
 * move, as a tool would (reopen unmaps it on the move), so no sample is lost.
 */
@Tag(KernelSupport.TRAPS_TAG)
class TrapCountAgreementTest {
    private static final int MOVES = 3000;
    /** Every third move does not trap: the counts must agree on what did not happen too. */
    private static final int QUIET_EVERY = 3;

    private final WatchedMemory memory = new WatchedMemory(MOVES + 64);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void readRingAndSignalCountsAgree(Strategy strategy) {
        KernelSupport.assumeStrategy(strategy);
        KernelSupport.assumeSignals();
        WatchpointMover mover = strategy.arm(WatchpointSpec.headline(memory.address(0)));
        long signalsBefore = TrapSignals.threadCount();
        long expected = 0;
        long samples = 0;
        long lost = 0;
        long traps;
        try (mover) {
            for (int i = 1; i <= MOVES; i++) {
                List<RingRecord> records = RingSamples.drain(mover.event().ring());
                samples += RingSamples.samples(records).size();
                lost += RingSamples.lost(records);
                mover.moveTo(memory.address(i));
                if (i % QUIET_EVERY != 0) {
                    memory.store(i, (byte) i);
                    expected++;
                }
                memory.store(i - 1, (byte) i);
            }
            samples += RingSamples.samples(RingSamples.drain(mover.event().ring())).size();
            traps = mover.trapsCounted();
        }
        assertThat(lost).isZero();
        TrapCounts.assertCounted("read()", traps, expected);
        TrapCounts.assertCounted("ring samples", samples, expected);
        TrapCounts.assertCounted("signals", TrapSignalWait.signalsSince(signalsBefore, expected), expected);
    }
}
