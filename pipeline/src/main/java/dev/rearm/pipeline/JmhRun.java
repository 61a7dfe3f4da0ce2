package dev.rearm.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invocation of the benchmarks jar: a label for progress lines and run.json, the benchmarks
 * it selects and the scenario keys it is narrowed to ({strategy=reopen}; empty: all) for
 * run.json's notRun should benchmarks.jar refuse it, and the JMH arguments (without the
 * result-file options, which the pipeline adds).
 */
public record JmhRun(String label, List<String> benchmarks, Map<String, String> scenario, List<String> args) {
    public JmhRun {
        benchmarks = List.copyOf(benchmarks);
        scenario = Collections.unmodifiableMap(new LinkedHashMap<>(scenario));
        args = List.copyOf(args);
    }
}
