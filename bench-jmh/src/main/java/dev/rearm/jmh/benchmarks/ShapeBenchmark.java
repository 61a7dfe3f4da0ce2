package dev.rearm.jmh.benchmarks;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.jmh.workload.WatchpointState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Whether the watchpoint's shape changes the cost of moving it: type W or RW and length 1, 2, 4
 * or 8 bytes, never trapping. Execute (X) watchpoints are the native harness's: it runs code at
 * the watched address to prove an X watchpoint live, which Java cannot (the liveness check of
 * {@link dev.rearm.jmh.workload.WatchpointState} needs a trap at the current address).
 *
 * <p>The kernel validates the shape on every open and every modify, so both strategies pay
 * for it. CPUs refuse some shapes (x86: X only with bp_len = sizeof(long), no R at all): such
 * a combination fails in the trial setup with the kernel's reason, before anything is timed.
 * {@code mvn verify} never asks for one: it runs only the shapes the probe found accepted
 * ({@code -p bpType=RW -p bpLen=8} and so on).
 */
public class ShapeBenchmark extends RearmBenchmark {

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
        @Param({"W", "RW"})
        public String bpType;
        @Param({"1", "2", "4", "8"})
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
