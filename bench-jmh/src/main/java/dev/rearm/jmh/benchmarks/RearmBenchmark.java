package dev.rearm.jmh.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Defaults shared by every benchmark of the suite, for a plain {@code java -jar benchmarks.jar}.
 *
 * <p>Average time per op in nanoseconds, the unit native.json reports, so the two harnesses'
 * figures sit side by side. Several forks, because each JVM brings its own code layout and JIT
 * decisions: the variance between forks is the level the analysis resamples at (Kalibera and
 * Jones), so it needs more than one. {@code mvn verify} overrides forks, warm-up and
 * measurement with the profile's settings (-f, -wi, -w, -i, -r); these values only matter when
 * JMH is run by hand.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public abstract class RearmBenchmark {
}
