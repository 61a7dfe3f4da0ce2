package dev.rearm.jmh.benchmarks;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.jmh.workload.WatchpointState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The distribution of one move, not just its mean: a profiler re-arms a watchpoint inside a
 * sample handler, where one slow re-arm (reopen's mmap faulting in pages, a first trap after a
 * fresh open) matters more than the average. Reports p50, p90, p99 and p99.9.
 *
 * <p>The headline scenario in JMH's SampleTime mode: JMH times individual ops (sampled, so the
 * timer itself does not dominate a 2 us op) and keeps the histogram in jmh.json.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LatencyBenchmark extends RearmBenchmark {

    @State(Scope.Thread)
    public static class Watchpoint extends WatchpointState {
        @Param({"reopen", "modify"})
        public String strategy;
        @Param({"0", "1"})
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
