package dev.rearm.analysis.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.analysis.stats.GroupedSample;
import dev.rearm.analysis.stats.LatencyHistogram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Reads JMH's JSON result file ({@code -rf json}). The statistics use {@code rawData[fork][iteration]}
 * (and SampleTime's {@code rawDataHistogram}), never JMH's own scoreError, which pools iterations
 * across forks. Params are the docs/design.md scenario keys; a key a class has no {@code @Param} for
 * takes its headline value, except {@code threads}, which falls back to JMH's own thread count.
 * Any other param, and a second entry of one benchmark, mode and params, are refused: the
 * analysis keys scenarios by those keys and would otherwise merge different measurements.
 */
final class JmhLoader {
    /** BindingFloorBenchmark's param: which binding made the call. */
    static final String BINDING = "binding";
    static final String EXPECTED = "JMH's JSON results (-rf json): a list of {benchmark, mode, params, "
            + "primaryMetric{scoreUnit, rawData}}";

    private JmhLoader() {
    }

    record Loaded(List<Measurement> measurements, List<LatencyMeasurement> latencies, List<FloorMeasurement> floors,
                  List<NotMeasured> notMeasured, String jmhVersion, String jvm) {
    }

    static Loaded load(Path file) throws BadInputException {
        JsonNode root = JsonInput.read(file, EXPECTED);
        if (!root.isArray()) {
            throw new BadInputException(file + ": not JMH's JSON (the top level is not a list); expected " + EXPECTED);
        }
        List<Measurement> measurements = new ArrayList<>();
        List<LatencyMeasurement> latencies = new ArrayList<>();
        List<FloorMeasurement> floors = new ArrayList<>();
        List<NotMeasured> notMeasured = new ArrayList<>();
        if (root.isEmpty()) {
            notMeasured.add(new NotMeasured(Harness.JMH.label(), "every JMH benchmark",
                    file + " is an empty list: JMH ran no benchmark (check -Dbench.include / the JMH log)"));
        }
        String jmhVersion = null;
        String jvm = null;
        Map<String, String> firstEntryByKey = new HashMap<>();
        int index = 0;
        for (JsonNode entry : root) {
            String where = file + " entry " + index++;
            if (!entry.isObject() || !entry.path("benchmark").isTextual() || !entry.path("primaryMetric").isObject()) {
                throw new BadInputException(where + ": no 'benchmark' or 'primaryMetric'; not JMH's -rf json output");
            }
            if (jmhVersion == null) {
                jmhVersion = textOrNull(entry.path("jmhVersion"));
                String vmName = textOrNull(entry.path("vmName"));
                String vmVersion = textOrNull(entry.path("vmVersion"));
                jvm = vmName == null ? vmVersion : vmVersion == null ? vmName : vmName + " " + vmVersion;
            }
            readEntry(where, entry, measurements, latencies, floors, notMeasured);
            refuseSecondEntryOfAKey(where, entry, firstEntryByKey);
        }
        return new Loaded(List.copyOf(measurements), List.copyOf(latencies), List.copyOf(floors),
                List.copyOf(notMeasured), jmhVersion, jvm);
    }

    private static void readEntry(String where, JsonNode entry, List<Measurement> measurements,
                                  List<LatencyMeasurement> latencies, List<FloorMeasurement> floors,
                                  List<NotMeasured> notMeasured) throws BadInputException {
        String benchmark = entry.path("benchmark").asText();
        String[] parts = benchmark.split("\\.");
        String method = parts[parts.length - 1];
        String className = parts.length > 1 ? parts[parts.length - 2] : benchmark;
        String mode = entry.path("mode").asText("avgt");
        JsonNode metric = entry.path("primaryMetric");
        String unit = metric.path("scoreUnit").asText(null);
        DoubleUnaryOperator toNs = JmhUnits.toNsPerOp(unit);
        if (toNs == null) {
            notMeasured.add(new NotMeasured(Harness.JMH.label(), benchmark, "score unit '" + unit
                    + "' is neither time/op nor ops/time"));
            return;
        }

        Map<String, String> params = paramsOf(entry);
        refuseUnknownParams(where, benchmark, params);
        if (!params.containsKey(Scenario.THREADS) && entry.path("threads").isInt()) {
            params.put(Scenario.THREADS, entry.path("threads").asText());
        }
        String strategy = params.get(Scenario.STRATEGY);
        if (strategy == null && (method.equals(ScenarioKey.REOPEN) || method.equals(ScenarioKey.MODIFY))) {
            strategy = method;
        }

        if ("sample".equals(mode)) {
            if (strategy == null) {
                notMeasured.add(new NotMeasured(Harness.JMH.label(), benchmark, "a SampleTime benchmark without a strategy"));
                return;
            }
            ScenarioKey key = new ScenarioKey(strategy, Scenario.fromValues(params, where));
            latencies.add(new LatencyMeasurement(Harness.JMH, className, key,
                    histogram(where, metric.path("rawDataHistogram"), toNs)));
            return;
        }
        JsonNode rawData = metric.path("rawData");
        if (!rawData.isArray() || rawData.isEmpty()) {
            notMeasured.add(new NotMeasured(Harness.JMH.label(), benchmark + " " + params,
                    "no rawData in jmh.json (mode " + mode + ")"));
            return;
        }
        GroupedSample sample = forksAndIterations(where, rawData, toNs);
        if (strategy == null) {
            // BindingFloorBenchmark measures each floor through both bindings (jna, jni): keep them apart.
            String binding = params.containsKey(BINDING) ? " " + BINDING + "=" + params.get(BINDING) : "";
            floors.add(new FloorMeasurement(Harness.JMH, className + "." + method + binding, sample));
            return;
        }
        ScenarioKey key = new ScenarioKey(strategy, Scenario.fromValues(params, where));
        measurements.add(new Measurement(Harness.JMH, className, key, sample, null, Map.of()));
    }

    /**
     * A param the analysis does not key scenarios by would be dropped, and entries differing only in
     * it would collapse into one (the first would win): refused instead. {@code binding} keys only
     * the binding floors (benchmarks without a strategy), which keep it in their name.
     */
    private static void refuseUnknownParams(String where, String benchmark, Map<String, String> params)
            throws BadInputException {
        boolean floor = !params.containsKey(Scenario.STRATEGY) && !isStrategyMethod(benchmark);
        for (String param : new TreeSet<>(params.keySet())) {
            boolean known = param.equals(Scenario.STRATEGY) || Scenario.KEYS.contains(param)
                    || (floor && param.equals(BINDING));
            if (!known) {
                throw new BadInputException(where + " (" + benchmark + "): unknown @Param '" + param + "'; valid: "
                        + Scenario.STRATEGY + ", " + String.join(", ", Scenario.KEYS) + " (and " + BINDING
                        + " on benchmarks without a strategy); the analysis keys scenarios by these and would "
                        + "otherwise merge entries that differ in '" + param + "'");
            }
        }
    }

    private static boolean isStrategyMethod(String benchmark) {
        return benchmark.endsWith("." + ScenarioKey.REOPEN) || benchmark.endsWith("." + ScenarioKey.MODIFY);
    }

    /** Two entries of one benchmark, mode and params (a jmh.json concatenated twice): which is the figure? */
    private static void refuseSecondEntryOfAKey(String where, JsonNode entry, Map<String, String> firstEntryByKey)
            throws BadInputException {
        String key = entry.path("benchmark").asText() + " " + entry.path("mode").asText("avgt") + " "
                + new TreeMap<>(paramsOf(entry));
        String first = firstEntryByKey.putIfAbsent(key, where);
        if (first != null) {
            throw new BadInputException(where + " (" + key + "): the same benchmark, mode and params as " + first
                    + "; expected each once (was a result file concatenated twice?)");
        }
    }

    private static Map<String, String> paramsOf(JsonNode entry) {
        Map<String, String> params = new HashMap<>();
        entry.path("params").fields().forEachRemaining(field -> params.put(field.getKey(), field.getValue().asText()));
        return params;
    }

    private static GroupedSample forksAndIterations(String where, JsonNode rawData, DoubleUnaryOperator toNs)
            throws BadInputException {
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : rawData) {
            if (!fork.isArray()) {
                throw new BadInputException(where + ": rawData is not a list of forks, each a list of iteration scores");
            }
            double[] iterations = new double[fork.size()];
            for (int i = 0; i < iterations.length; i++) {
                iterations[i] = positive(where, fork.get(i), toNs);
            }
            forks.add(iterations);
        }
        try {
            return GroupedSample.of(forks);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": rawData holds no scores");
        }
    }

    private static LatencyHistogram histogram(String where, JsonNode forks, DoubleUnaryOperator toNs)
            throws BadInputException {
        Map<Double, Long> counts = new HashMap<>();
        for (JsonNode fork : forks) {
            for (JsonNode iteration : fork) {
                for (JsonNode bin : iteration) {
                    if (!bin.isArray() || bin.size() != 2 || !bin.get(1).canConvertToLong()) {
                        throw new BadInputException(where + ": rawDataHistogram bins must be [value, count] pairs");
                    }
                    JsonNode value = bin.get(0);
                    if (!value.isNumber() || value.asDouble() < 0) {
                        throw new BadInputException(where + ": rawDataHistogram value '" + value + "' is not a time");
                    }
                    counts.merge(toNs.applyAsDouble(value.asDouble()), bin.get(1).asLong(), Long::sum);
                }
            }
        }
        counts.values().removeIf(count -> count <= 0);
        if (counts.isEmpty()) {
            throw new BadInputException(where + ": a SampleTime result without rawDataHistogram samples");
        }
        return LatencyHistogram.of(counts);
    }

    private static double positive(String where, JsonNode value, DoubleUnaryOperator toNs) throws BadInputException {
        if (!value.isNumber() || !(value.asDouble() > 0)) {
            throw new BadInputException(where + ": score '" + value + "' is not a positive number");
        }
        return toNs.applyAsDouble(value.asDouble());
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
