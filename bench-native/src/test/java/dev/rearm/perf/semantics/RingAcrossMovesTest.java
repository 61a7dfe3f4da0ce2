package dev.rearm.perf.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.RingBuffer;
import dev.rearm.perf.event.RingRecord;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import dev.rearm.perf.strategy.WatchpointSpec;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.RingSamples;
import dev.rearm.perf.testsupport.TrapCounts;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where a trap's sample goes after a move. A breakpoint's PERF_SAMPLE_ADDR is the event's
 * bp_addr, so it names the address the watchpoint was moved to; with modify the sample lands in
 * the ring mapped before the move, which keeps filling from where it was.
 */
@Tag(KernelSupport.TRAPS_TAG)
class RingAcrossMovesTest {
    private static final int MOVES = 2000;

    private final WatchedMemory memory = new WatchedMemory(MOVES + 64);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void everySampleCarriesTheAddressWatchedWhenItTrapped(Strategy strategy) {
        KernelSupport.assumeStrategy(strategy);
        try (WatchpointMover mover = strategy.arm(WatchpointSpec.headline(memory.address(0)))) {
            for (int i = 1; i <= MOVES; i++) {
                mover.moveTo(memory.address(i));
                memory.store(i, (byte) i);
                List<RingRecord> records = RingSamples.drain(mover.event().ring());
                TrapCounts.assertCounted("records after move " + i, records.size(), 1);
                List<RingRecord.Sample> samples = RingSamples.samples(records);
                assertThat(samples).hasSameSizeAs(records).extracting(RingRecord.Sample::addr)
                        .containsOnly(memory.address(i));
                assertThat(samples.get(0).ip()).as("sampled instruction pointer").isNotZero();
            }
        }
    }

    @Test
    void samplesAfterModifyLandInTheSameMapping() {
        KernelSupport.assumeModify();
        try (WatchpointMover mover = Strategy.MODIFY.arm(WatchpointSpec.headline(memory.address(0)))) {
            PerfEvent event = mover.event();
            RingBuffer ring = event.ring();
            long mapping = ring.address();
            long head = ring.dataHead();
            for (int i = 1; i <= MOVES; i++) {
                mover.moveTo(memory.address(i));
                memory.store(i, (byte) i);

                assertThat(mover.event()).isSameAs(event);
                assertThat(event.ring()).isSameAs(ring);
                assertThat(ring.address()).isEqualTo(mapping);
                assertThat(ring.dataHead()).as("data_head after move %d", i).isGreaterThan(head);
                head = ring.dataHead();
                List<RingRecord.Sample> samples = RingSamples.samples(RingSamples.drain(ring));
                TrapCounts.assertCounted("samples after move " + i, samples.size(), 1);
                assertThat(samples).extracting(RingRecord.Sample::addr).containsOnly(memory.address(i));
            }
            assertThat(head).as("the ring wrapped while it was being moved").isGreaterThan(ring.dataSize());
        }
    }
}
