package dev.rearm.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long one JMH invocation should take: JMH runs each benchmark once per combination of its
 * {@code @Param} values (narrowed by {@code -p}), each in {@code forks} JVMs of warm-up plus
 * measurement iterations of a fixed time. An estimate for the ETA line, never a result.
 */
final class JmhCostModel {
    /**
     * A fork's JVM start, benchmark setup and teardown beyond its iterations: ~0.35 s per fork in
     * the published -Pfull run (2026-11-26, an idle 2-vCPU VM), ~3 s in a smoke run on a 2-core
     * VM shared by other builds; the run's estimate corrects itself after the first JMH step.
     */
    static final double FORK_OVERHEAD_SECONDS = 1;

    private final BenchmarkCatalog catalog;
    private final JmhSettings settings;

    JmhCostModel(BenchmarkCatalog catalog, JmhSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    double seconds(JmhRun run) {
        double perFork = settings.warmupIterations() * seconds(settings.warmupTime())
                + settings.iterations() * seconds(settings.time()) + FORK_OVERHEAD_SECONDS;
        return combinations(run) * settings.forks() * perFork;
    }

    /** Benchmark x parameter combinations the run's includes and {@code -p} options select. */
    long combinations(JmhRun run) {
        Map<String, Integer> narrowed = new HashMap<>();
        List<String> args = run.args();
        for (int i = 0; i + 1 < args.size(); i++) {
            if ("-p".equals(args.get(i)) && args.get(i + 1).contains("=")) {
                String[] keyValues = args.get(i + 1).split("=", 2);
                narrowed.put(keyValues[0], keyValues[1].split(",").length); // the last -p of a key wins, as in JMH
            }
        }
        long combinations = 0;
        for (String include : args.stream().takeWhile(arg -> !arg.startsWith("-")).toList()) {
            for (String benchmark : catalog.matching(include)) {
                long product = 1;
                for (Map.Entry<String, List<String>> param : catalog.params(benchmark).entrySet()) {
                    product *= narrowed.getOrDefault(param.getKey(), param.getValue().size());
                }
                combinations += product;
            }
        }
        return combinations;
    }

    private static double seconds(String time) {
        return TimeValue.fromString(time).convertTo(TimeUnit.MILLISECONDS) / 1000.0;
    }
}
