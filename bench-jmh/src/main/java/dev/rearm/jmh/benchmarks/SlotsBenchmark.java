package dev.rearm.jmh.benchmarks;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.jmh.workload.WatchpointState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Watchpoint tools keep several watchpoints armed and re-arm them in turn: here 1 to 4 (x86 has
 * four debug registers), each in its own memory region, moved round-robin, one per op.
 *
 * <p>Headline scenario otherwise, never trapping. A slot count above what the machine has
 * fails in the trial setup with ENOSPC and the probe's explanation; {@code mvn verify} asks
 * only for 1 .. the debug registers the probe counted.
 */
public class SlotsBenchmark extends RearmBenchmark {

    @State(Scope.Thread)
    public static class Watchpoint extends WatchpointState {
        @Param({"reopen", "modify"})
        public String strategy;
        @Param("0")
        public int trapEvery;
        @Param("signal")
        public String notify;
        @Param("1")
        public int pages;
        @Param("RW")
        public String bpType;
        @Param("1")
        public int bpLen;
        @Param("1")
        public int threads;
        @Param({"1", "2", "3", "4"})
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
