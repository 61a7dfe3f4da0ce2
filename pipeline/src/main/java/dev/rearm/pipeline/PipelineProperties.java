package dev.rearm.pipeline;

import java.util.Map;

/**
 * The Maven properties behind the pipeline's options (pipeline/pom.xml passes each as one
 * option), so a bad value is reported by the name the user typed: {@code -Dbench.jmh.forks=two}
 * is refused as bench.jmh.forks, not as --jmh-forks.
 */
final class PipelineProperties {
    record Property(String name, String valid) {
    }

    private static final Map<String, Property> BY_OPTION = Map.ofEntries(
            Map.entry("--out", new Property("bench.out", "a folder path (created if missing)")),
            Map.entry("--profile", new Property("bench.profile", "a profile name")),
            Map.entry("--include", new Property("bench.include", "a regular expression found in benchmark names")),
            Map.entry("--jmh-forks", new Property("bench.jmh.forks", "a whole number, at least 1")),
            Map.entry("--jmh-sweep-forks", new Property("bench.jmh.sweepForks", "a whole number, at least 1")),
            Map.entry("--native-forks", new Property("bench.native.forks", "a whole number, at least 1")),
            Map.entry("--jmh-warmup-iterations", new Property("bench.jmh.warmupIterations", "a whole number, at least 0")),
            Map.entry("--jmh-warmup-time", new Property("bench.jmh.warmupTime", "a JMH time such as 500ms, 1s, 2min")),
            Map.entry("--jmh-iterations", new Property("bench.jmh.iterations", "a whole number, at least 1")),
            Map.entry("--jmh-time", new Property("bench.jmh.time", "a JMH time such as 500ms, 1s, 2min")),
            Map.entry("--jmh-args", new Property("bench.jmh.args", "JMH options, space-separated (java -jar "
                    + "benchmarks.jar -h lists them)")),
            Map.entry("--native-commands", new Property("bench.native.commands",
                    "moves, profiler, trap-anatomy, round-size (perfbp-bench --help lists them)")),
            Map.entry("--native-matrices", new Property("bench.native.matrices",
                    "perfbp-bench moves --help lists the matrices")),
            Map.entry("--native-rounds", new Property("bench.native.rounds", "a whole number from 1 to 100000, or empty")),
            Map.entry("--native-iterations", new Property("bench.native.iterations",
                    "a whole number from 1 to 1000000000, or empty")),
            Map.entry("--native-round-ms", new Property("bench.native.roundMs",
                    "a whole number of milliseconds from 1 to 60000, or empty")),
            Map.entry("--native-min-ops", new Property("bench.native.minOps", "a whole number, at least 1, or empty")),
            Map.entry("--native-warmup", new Property("bench.native.warmup", "a whole number from 0 to 100000, or empty")),
            Map.entry("--native-skip", new Property("bench.native.skip", "true or false")));

    private PipelineProperties() {
    }

    /** The property behind {@code option}, or null for an option no property sets. */
    static Property of(String option) {
        return BY_OPTION.get(option);
    }
}
