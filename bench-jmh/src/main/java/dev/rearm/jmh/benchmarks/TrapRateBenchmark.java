package dev.rearm.jmh.benchmarks;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.jmh.workload.WatchpointState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * How the ratio falls as traps get frequent: a trap costs tens of microseconds whichever way
 * the watchpoint was moved (not exactly the same: the first trap after a fresh open differs),
 * so the more ops trap, the more of each op is trap and the closer the two strategies get (the
 * commit's ~10x at trapEvery=0 against ~4x at trapEvery=1). The analysis fits its cost model
 * to trapEvery 0 and 1 and tests it on the rates in between.
 *
 * <p>Headline scenario with a signal per trap, both ways: O_ASYNC (signal, the original tests')
 * and attr.sigtrap (sigtrap: no ring, so its pages=1 reads as none and is keyed pages=0, see
 * {@link Scenario}); trapEvery 0 (never), 100, 10, 3 and 1 (every op). A trapping op stores
 * one byte from Java to the address just watched, then drains the ring (sigtrap: announces the
 * tag it expects first). Traps, signals and sigtrap tags are checked after every iteration.
 */
public class TrapRateBenchmark extends RearmBenchmark {

    @State(Scope.Thread)
    public static class Watchpoint extends WatchpointState {
        @Param({"reopen", "modify"})
        public String strategy;
        @Param({"0", "100", "10", "3", "1"})
        public int trapEvery;
        @Param({"signal", "sigtrap"})
        public String notify;
        @Param("1")
        public int pages;
        @Param("RW")
        public String bpType;
        @Param("1")
        public int bpLen;
        @Param("1")
        public int threads;
        @Param("1")
        public int slots;

        @Override
        protected Scenario scenario() {
            return Scenario.of(strategy, trapEvery, notify, pages, bpType, bpLen, threads, slots);
        }
    }

    @Benchmark
    public void move(Watchpoint watchpoint) {
        watchpoint.moveOnce();
    }
}
