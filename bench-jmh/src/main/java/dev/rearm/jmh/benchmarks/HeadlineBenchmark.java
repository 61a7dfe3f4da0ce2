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
 * <p>notify=sigtrap is the modern notification (attr.sigtrap, Linux 5.13+), the one today's tools
 * use: no ring, no fcntl, so reopen is close + perf_event_open and its cost, and with it the
 * ratio, shrinks. The pipeline drops it from the -p list where the probe says the kernel refuses
 * it (or refuses sig_data by modify). pages keeps the single value 1: it is the ring's size for
 * none and signal, and sigtrap, which maps no ring, reads it as none and is keyed pages=0 like
 * the native harness's sigtrap rows (see {@link Scenario}); a pages list would have JMH run
 * sigtrap once per size, each a second name for one ringless run.
 * The iteration teardown proves the traps and signals happened (see {@link WatchpointState}).
 */
public class HeadlineBenchmark extends RearmBenchmark {

    @State(Scope.Thread)
    public static class Watchpoint extends WatchpointState {
        @Param({"reopen", "modify"})
        public String strategy;
        @Param({"0", "1"})
        public int trapEvery;
        @Param({"none", "signal", "sigtrap"})
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
