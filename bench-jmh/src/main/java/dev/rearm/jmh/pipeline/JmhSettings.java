package dev.rearm.jmh.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The JMH options a Maven profile sets: forks, warm-up and measurement, which benchmarks
 * ({@code -Dbench.include=REGEX}, JMH's own include syntax), and any extra JMH arguments.
 *
 * @param include   a regular expression JMH finds in the benchmark names, or empty for all
 * @param extraArgs further JMH options, appended as given (e.g. {@code -prof gc})
 */
public record JmhSettings(int forks, int warmupIterations, String warmupTime, int iterations, String time,
                          String include, List<String> extraArgs) {

    public JmhSettings {
        positive("bench.jmh.forks", forks, 1);
        positive("bench.jmh.warmupIterations", warmupIterations, 0);
        positive("bench.jmh.iterations", iterations, 1);
        include = include == null ? "" : include.trim();
        if (!include.isEmpty()) {
            try {
                Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                throw new BadSettingException("bench.include '" + include + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        extraArgs = List.copyOf(extraArgs);
    }

    /** Splits a free-form property on whitespace ({@code -Dbench.jmh.args="-prof gc"}). */
    public static List<String> splitArgs(String args) {
        if (args == null || args.isBlank()) {
            return List.of();
        }
        return Arrays.asList(args.trim().split("\\s+"));
    }

    /** The options every JMH run of the pipeline shares, then the profile's extras. */
    List<String> commonArgs() {
        List<String> args = new ArrayList<>(List.of("-f", String.valueOf(forks), "-wi", String.valueOf(warmupIterations),
                "-w", warmupTime, "-i", String.valueOf(iterations), "-r", time,
                // the first premise failure stops the run: no partial suite is published as a result
                "-foe", "true"));
        args.addAll(extraArgs);
        return args;
    }

    private static void positive(String name, int value, int min) {
        if (value < min) {
            throw new BadSettingException(name + "=" + value + " must be at least " + min);
        }
    }
}
