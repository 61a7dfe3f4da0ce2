package dev.rearm.jmh.benchmarks;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.jmh.workload.WatchpointState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The kernel commit's claim: moving a watchpoint with the modify ioctl costs ~10x less than
 * tearing it down and rebuilding it when the watchpoint never traps, ~4x less when every op traps.
 *
 * <p>The headline scenario of the original tests: a 1-byte read-write watchpoint, a 1-page ring,
 * one slot, one thread; trapEvery 0 and 1; with and without a signal per trap. One op is one
 * move (for {@code reopen}: munmap, close, perf_event_open, fcntl x4 with notify=signal, mmap,
 * all inside the timed method) plus, when the op traps, one Java store to the new address.
 *
 * <p>The modern notification, attr.sigtrap (Linux 5.13+), runs with {@code -p notify=sigtrap}:
 * no ring (pages=1 then means none), no fcntl, so reopen is close + perf_event_open. It is not in
 * the default list until the pipeline leaves it out where the probe says the kernel refuses it.
 * The iteration teardown proves the traps and signals happened (see {@link WatchpointState}).
 */
public class HeadlineBenchmark extends RearmBenchmark {

    @State(Scope.Thread)
    public static class Watchpoint extends WatchpointState {
        @Param({"reopen", "modify"})
        public String strategy;
        @Param({"0", "1"})
        public int trapEvery;
        @Param({"none", "signal"})
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
