package dev.rearm.jmh.workload;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import dev.rearm.perf.strategy.WatchpointSpec;
import dev.rearm.perf.testsupport.KernelSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The never-trapping runs behind the ~10x must prove their watchpoint live: a move that returns
 * but leaves the watchpoint where it was fails the iteration, at trapEvery=0 as at any rate.
 */
@Tag(KernelSupport.TRAPS_TAG)
class LivenessPremiseTest {
    private static final int OPS = 200;

    /** A mover whose moveTo succeeds and does nothing: a modify that returned 0 but never moved. */
    private record StuckMover(WatchpointMover real) implements WatchpointMover {
        @Override
        public Strategy strategy() {
            return real.strategy();
        }

        @Override
        public void moveTo(long address) {
        }

        @Override
        public void moveTo(long address, BreakpointType type, int length) {
        }

        @Override
        public PerfEvent event() {
            return real.event();
        }

        @Override
        public long trapsCounted() {
            return real.trapsCounted();
        }

        @Override
        public void close() {
            real.close();
        }
    }

    private static class State extends WatchpointState {
        private final Scenario scenario;
        private final boolean stuck;

        State(Strategy strategy, boolean stuck) {
            this(strategy, "none", stuck);
        }

        State(Strategy strategy, String notify, boolean stuck) {
            this.scenario = Scenario.of(strategy.key(), 0, notify, 1, "W", 1, 1, 1);
            this.stuck = stuck;
        }

        @Override
        protected Scenario scenario() {
            return scenario;
        }

        @Override
        WatchpointMover arm(WatchpointSpec spec) {
            WatchpointMover real = super.arm(spec);
            return stuck ? new StuckMover(real) : real;
        }
    }

    private static void oneIteration(WatchpointState state) {
        state.startIteration();
        for (int i = 0; i < OPS; i++) {
            state.moveOnce();
        }
        state.checkPremise();
    }

    /**
     * Where a store under a watchpoint never traps, a healthy mover fails liveness too, so the
     * stuck case means something only where traps fire: it is gated as the healthy one is, and
     * the healthy mover of the same scenario passes first, in the same test, as its control.
     */
    @ParameterizedTest(name = "{0} notify={1}")
    @CsvSource({"REOPEN, none", "MODIFY, none", "REOPEN, sigtrap", "MODIFY, sigtrap"})
    void aWatchpointLeftAtItsOldAddressFailsTheNeverTrappingIterationThatAMovedOnePasses(Strategy strategy,
                                                                                         String notify) {
        assumeTrapsFor(strategy, notify);
        State healthy = new State(strategy, notify, false);
        healthy.arm(1);
        try {
            assertThatCode(() -> oneIteration(healthy)).as("the control: the same scenario with a mover that moves")
                    .doesNotThrowAnyException();
        } finally {
            healthy.disarm();
        }
        State stuck = new State(strategy, notify, true);
        stuck.arm(1);
        try {
            assertThatThrownBy(() -> oneIteration(stuck)).isInstanceOf(PremiseViolation.class)
                    .hasMessageContaining("liveness: one store at each slot's current address: 0 traps where 1 were expected");
        } finally {
            stuck.disarm();
        }
    }

    @ParameterizedTest(name = "{0} notify={1}")
    @CsvSource({"REOPEN, none", "MODIFY, none", "REOPEN, sigtrap", "MODIFY, sigtrap"})
    void aWatchpointThatMovedPassesTheNeverTrappingIteration(Strategy strategy, String notify) {
        assumeTrapsFor(strategy, notify);
        State state = new State(strategy, notify, false);
        state.arm(1);
        try {
            assertThatCode(() -> oneIteration(state)).doesNotThrowAnyException();
            assertThatCode(() -> oneIteration(state)).as("a second iteration starts level").doesNotThrowAnyException();
        } finally {
            state.disarm();
        }
    }

    /**
     * A trap under {@code strategy}'s watchpoint with {@code notify} can be counted here (sigtrap
     * has no ring: the liveness stores are what prove its watchpoint live).
     */
    private static void assumeTrapsFor(Strategy strategy, String notify) {
        KernelSupport.assumeStrategy(strategy);
        if ("sigtrap".equals(notify)) {
            if (strategy == Strategy.MODIFY) {
                KernelSupport.assumeSigDataModify();
            } else {
                KernelSupport.assumeSigtrap();
            }
        }
    }
}
