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
 *
 * <p>Every fork is granted native access: the bindings load JNA and libperfbp with
 * {@code System::load}, a restricted method, and JDK 24+ would print four WARNING lines into each
 * fork's output otherwise (JDK 17 accepts the flag silently). Appended, not set, so the forks
 * still inherit the host JVM's options (e.g. {@code -Drearm.binding}); a {@code -jvmArgsAppend}
 * given to JMH replaces this one and must repeat it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = RearmBenchmark.NATIVE_ACCESS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public abstract class RearmBenchmark {
    /** The JVM option that lets class-path code call restricted methods without a warning. */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
}
