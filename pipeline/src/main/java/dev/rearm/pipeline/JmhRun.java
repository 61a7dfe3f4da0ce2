package dev.rearm.pipeline;

import java.util.List;

/**
 * One invocation of the benchmarks jar: a label for progress lines and run.json, and the JMH
 * arguments (without the result-file options, which the pipeline adds).
 */
public record JmhRun(String label, List<String> args) {
    public JmhRun {
        args = List.copyOf(args);
    }
}
