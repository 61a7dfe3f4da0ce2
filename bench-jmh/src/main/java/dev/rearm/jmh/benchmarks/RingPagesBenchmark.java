package dev.rearm.jmh.benchmarks;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.jmh.workload.WatchpointState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Why reopen gets dearer with the ring: every reopen frees the ring buffer's pages (munmap,
 * close) and has the kernel allocate and map fresh ones (mmap), so its cost grows with the
 * ring, while modify keeps its ring and stays flat.
 *
 * <p>Headline scenario (RW, 1 byte, notify=signal, one slot, one thread) that never traps, so
 * the figure is the move alone; pages 1, 8, 64, 512 (the mmap length is (1 + pages) x page
 * size). 512 data pages are 2 MiB, above the default perf_event_mlock_kb of 516 KiB: the kernel
 * charges the excess to RLIMIT_MEMLOCK, and where that is too small as well (and the user has
 * no CAP_IPC_LOCK), the trial setup fails fast with the kernel's reason.
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
