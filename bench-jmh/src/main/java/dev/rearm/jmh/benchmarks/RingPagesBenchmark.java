package dev.rearm.jmh.benchmarks;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.jmh.workload.WatchpointState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Why reopen gets dearer with the ring: every reopen munmaps and mmaps the ring buffer again,
 * and mapping (1 + pages) pages costs more the more pages there are, while modify keeps its
 * ring and stays flat.
 *
 * <p>Headline scenario (RW, 1 byte, notify=signal, one slot, one thread) that never traps, so
 * the figure is the move alone; pages 1, 8, 64, 512 (the mmap length is (1 + pages) x page size;
 * 512 data pages need more than the default perf_event_mlock_kb unless the user is exempt,
 * and then fail fast with the kernel's reason).
 */
public class RingPagesBenchmark extends RearmBenchmark {

    @State(Scope.Thread)
    public static class Watchpoint extends WatchpointState {
        @Param({"reopen", "modify"})
        public String strategy;
        @Param("0")
        public int trapEvery;
        @Param("signal")
        public String notify;
        @Param({"1", "8", "64", "512"})
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
