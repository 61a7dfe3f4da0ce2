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
     * A fork's JVM start, benchmark setup and teardown beyond its iterations: in the shared default
     * run (2026-12-06-default-a, a machine whose watchpoints fire) the six JMH steps took 445.0 s for
     * 156 fork-runs of 2.5 s of iterations each, 2.853 s a fork-run, so 0.35 s beyond the
     * iterations (the published -Pfull run, 2026-11-26, also gave ~0.35 s). A busier machine takes
     * longer: the run's estimate corrects itself after the first JMH step.
     */
    static final double FORK_OVERHEAD_SECONDS = 0.35;

    private final BenchmarkCatalog catalog;
    private final JmhSettings settings;

    JmhCostModel(BenchmarkCatalog catalog, JmhSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /** The run's own {@code -f} counts (the claims' benchmarks and the sweeps run different forks). */
    double seconds(JmhRun run) {
        double perFork = settings.warmupIterations() * seconds(settings.warmupTime())
                + settings.iterations() * seconds(settings.time()) + FORK_OVERHEAD_SECONDS;
        return combinations(run) * forks(run) * perFork;
    }

    /** The last {@code -f} of the run's arguments, as JMH reads them; the settings' forks when there is none. */
    int forks(JmhRun run) {
        List<String> args = run.args();
        int forks = settings.forks();
        for (int i = 0; i + 1 < args.size(); i++) {
            if ("-f".equals(args.get(i)) && args.get(i + 1).matches("\\d+")) {
                forks = Integer.parseInt(args.get(i + 1));
            }
        }
        return forks;
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
