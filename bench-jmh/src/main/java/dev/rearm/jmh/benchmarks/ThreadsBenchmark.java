package dev.rearm.jmh.benchmarks;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.jmh.workload.WatchpointState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Whether moving watchpoints scales across threads: N threads at once, each moving its own
 * watchpoint over its own memory (debug registers are per thread; perf_event_open, mmap and
 * munmap of each thread contend on the process's memory map and fd table, modify does not).
 *
 * <p>How the thread count is expressed: JMH fixes a run's worker threads with {@code -t}
 * ({@code @Threads} cannot vary per parameter), so {@code threads} is a parameter that must
 * equal {@code -t}, and the trial setup refuses a mismatch. Run it as
 * {@code -t N -p threads=N}; {@code mvn verify} does so for N = 1 .. nproc, one JMH run per N.
 * The state is per thread and opened on that thread, so each thread owns its watchpoint and
 * receives its own signals. The score is JMH's average time per op of one thread.
 */
public class ThreadsBenchmark extends RearmBenchmark {

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
        /** Must equal JMH's -t; see the class comment. */
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
