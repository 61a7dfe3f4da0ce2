package dev.rearm.pipeline;

import dev.rearm.jmh.launcher.ParamCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH options a Maven profile sets: forks, warm-up and measurement, which benchmarks
 * ({@code -Dbench.include=REGEX}, JMH's own include syntax), and any extra JMH arguments.
 *
 * @param forks      forks of the benchmarks the claims read ({@link JmhPlan#CLAIM_BENCHMARKS}): 3 or more,
 *                   or the analysis gives their rows no verdict
 * @param sweepForks forks of every other benchmark ({@code bench.jmh.sweepForks}): the sweeps may run
 *                   fewer to keep the default profile short, and the report says their rows carry no verdict
 * @param include    a regular expression JMH finds in the benchmark names, or empty for all
 * @param extraArgs  further JMH options, appended as given (e.g. {@code -prof gc})
 */
public record JmhSettings(int forks, int sweepForks, int warmupIterations, String warmupTime, int iterations,
                          String time, String include, List<String> extraArgs) {

    /** Every benchmark with the same forks. */
    public JmhSettings(int forks, int warmupIterations, String warmupTime, int iterations, String time,
                       String include, List<String> extraArgs) {
        this(forks, forks, warmupIterations, warmupTime, iterations, time, include, extraArgs);
    }

    public JmhSettings {
        positive("bench.jmh.forks", forks, 1);
        positive("bench.jmh.sweepForks", sweepForks, 1);
        positive("bench.jmh.warmupIterations", warmupIterations, 0);
        positive("bench.jmh.iterations", iterations, 1);
        time("bench.jmh.warmupTime", warmupTime);
        time("bench.jmh.time", time);
        include = include == null ? "" : include.trim();
        if (!include.isEmpty()) {
            try {
                Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                throw new BadSettingException("bench.include '" + include + "' is not a regular expression: "
                        + e.getDescription() + "; valid: a Java regular expression found in benchmark names");
            }
        }
        extraArgs = List.copyOf(extraArgs);
        jmhAccepts(extraArgs);
        runnableParams(include, extraArgs);
    }

    /** A time JMH cannot read would fail only when the first benchmark starts: refuse it now. */
    private static void time(String property, String value) {
        try {
            TimeValue.fromString(value);
        } catch (RuntimeException e) {
            throw new BadSettingException(property + "='" + value + "': not a JMH time; valid: a number and a unit, "
                    + "e.g. 500ms, 1s, 2min");
        }
    }

    /** JMH parses its own options: whatever it would refuse, refuse before anything runs. */
    private static void jmhAccepts(List<String> extraArgs) {
        if (extraArgs.isEmpty()) {
            return;
        }
        try {
            new CommandLineOptions(extraArgs.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new BadSettingException("bench.jmh.args='" + String.join(" ", extraArgs) + "': JMH refuses it: "
                    + e.getMessage().strip().lines().findFirst().orElse("") + "; valid: JMH options (java -jar "
                    + "benchmarks.jar -h lists them)");
        }
    }

    /**
     * A {@code -p} value the included benchmarks cannot run would fail every fork with a stack
     * trace, and JMH would still exit 0: refuse it now, as benchmarks.jar's own main does.
     */
    private static void runnableParams(String include, List<String> extraArgs) {
        if (extraArgs.isEmpty()) {
            return;
        }
        List<String> asked = new ArrayList<>();
        if (!include.isEmpty()) {
            asked.add(include);
        }
        asked.addAll(extraArgs);
        ParamCheck.refusal(asked.toArray(String[]::new)).ifPresent(why -> {
            throw new BadSettingException("bench.jmh.args='" + String.join(" ", extraArgs) + "': " + why);
        });
    }

    /** Splits a free-form property on whitespace ({@code -Dbench.jmh.args="-prof gc"}). */
    public static List<String> splitArgs(String args) {
        if (args == null || args.isBlank()) {
            return List.of();
        }
        return Arrays.asList(args.trim().split("\\s+"));
    }

    /** The options every JMH run of the pipeline shares, then the profile's extras. */
    List<String> commonArgs(int runForks) {
        List<String> args = new ArrayList<>(List.of("-f", String.valueOf(runForks), "-wi", String.valueOf(warmupIterations),
                "-w", warmupTime, "-i", String.valueOf(iterations), "-r", time,
                // the first premise failure stops the run: no partial suite is published as a result
                "-foe", "true"));
        args.addAll(extraArgs);
        return args;
    }

    private static void positive(String name, int value, int min) {
        if (value < min) {
            throw new BadSettingException(name + "=" + value + ": must be at least " + min + "; valid: a whole number, "
                    + "at least " + min);
        }
    }
}
