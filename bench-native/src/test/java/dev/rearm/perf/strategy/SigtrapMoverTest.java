package dev.rearm.perf.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.scenario.Notify;
import dev.rearm.perf.testsupport.InProcessLeakCheck;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.ProcessResources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * notify=sigtrap with both strategies, as far as a machine whose watchpoints never fire can
 * check it: the kernel accepts the sigtrap watchpoint, every move is accepted (for modify: each
 * one carries a new sig_data, which Linux 5.13-5.16 would refuse), no ring is mapped, and
 * nothing leaks. That the traps carry the right tags is semantics/SigtrapDeliveryTest's.
 */
class SigtrapMoverTest {
    private static final int MOVES = 2_000;

    private final WatchedMemory memory = new WatchedMemory(1024);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void movesAreAcceptedWithoutARingAndLeaveNothingBehind(Strategy strategy) {
        if (strategy == Strategy.MODIFY) {
            KernelSupport.assumeSigDataModifyAccepted();
        } else {
            KernelSupport.assumeSigtrapAccepted();
        }
        WatchpointSpec spec = new WatchpointSpec(memory.address(0), BreakpointType.W, 1, Notify.SIGTRAP, 0, false);
        moveAndClose(strategy, spec); // loads and compiles what the loop uses before the baseline
        ProcessResources before = ProcessResources.now();

        ProcessResources armed = moveAndClose(strategy, spec);

        assertThat(armed.perfFds()).as("perf fds while armed").isEqualTo(before.perfFds() + 1);
        assertThat(armed.perfMappings()).as("sigtrap maps no ring").isEqualTo(before.perfMappings());
        InProcessLeakCheck.assertNothingLeaked(before);
    }

    private ProcessResources moveAndClose(Strategy strategy, WatchpointSpec spec) {
        try (WatchpointMover mover = strategy.arm(spec)) {
            for (int i = 1; i <= MOVES; i++) {
                mover.moveTo(memory.address(i % memory.size()));
            }
            assertThat(mover.event().ring()).isNull();
            return ProcessResources.now();
        }
    }
}
