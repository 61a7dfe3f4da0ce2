package dev.rearm.perf.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.testsupport.InProcessLeakCheck;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.ProcessResources;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No leaks: after 10,000 moves (every other one trapping) and a close, this process has the perf
 * fds, perf ring mappings and fds it had before (InProcessLeakCheck; the JVM's other mappings
 * move on their own). Perf fds and ring mappings are also counted while armed, to show the
 * counter sees the one thing a leak would add.
 */
@Tag(KernelSupport.TRAPS_TAG)
class MoverLeakTest {
    private static final int MOVES = 10_000;

    private final WatchedMemory memory = new WatchedMemory(1024);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void movesLeaveNoFdOrPerfMappingBehind(Strategy strategy) {
        KernelSupport.assumeStrategy(strategy);
        KernelSupport.assumeSignals();
        // A first identical round loads and JIT-compiles everything the loop uses, so that the
        // JVM itself opens nothing new during the measured round.
        moveAndClose(strategy, MOVES);
        ProcessResources before = ProcessResources.now();

        ProcessResources armed = moveAndClose(strategy, MOVES);

        assertThat(armed.perfFds()).as("perf fds while armed").isEqualTo(before.perfFds() + 1);
        assertThat(armed.perfMappings()).as("ring mappings while armed").isEqualTo(before.perfMappings() + 1);
        InProcessLeakCheck.assertNothingLeaked(before);
    }

    /** Moves {@code moves} times, then closes; returns the resources seen just before the close. */
    private ProcessResources moveAndClose(Strategy strategy, int moves) {
        try (WatchpointMover mover = strategy.arm(WatchpointSpec.headline(memory.address(0)))) {
            for (int i = 1; i <= moves; i++) {
                int offset = i % memory.size();
                mover.moveTo(memory.address(offset));
                if ((i & 1) == 0) {
                    memory.store(offset, (byte) i);
                }
                mover.event().ring().discard();
            }
            return ProcessResources.now();
        }
    }
}
