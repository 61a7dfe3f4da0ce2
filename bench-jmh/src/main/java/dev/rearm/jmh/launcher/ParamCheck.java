package dev.rearm.jmh.launcher;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.perf.linux.Binding;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The {@code -p key=value} check JMH leaves to its forks: a value a benchmark cannot parse
 * ({@code -p strategy=teleport}) fails each fork with a stack trace and JMH still exits 0. Here
 * every combination a selected benchmark would run is built as its trial setup builds it
 * ({@link Scenario#of}, the binding's key) before any fork starts, and the first that cannot
 * be is named in one line.
 */
public final class ParamCheck {
    /** The scenario keys every watchpoint benchmark declares. */
    private static final List<String> SCENARIO_KEYS =
            List.of("strategy", "trapEvery", "notify", "pages", "bpType", "bpLen", "threads", "slots");
    private static final String BINDING = "binding";

    private ParamCheck() {
    }

    /**
     * Why JMH's command line {@code args} asks for a {@code @Param} value a selected benchmark
     * cannot run, in one line; empty when every value is runnable or the line is not one this
     * check reads (JMH answers its own syntax errors, lists and help).
     */
    public static Optional<String> refusal(String... args) {
        Optional<CommandLineOptions> options = runOptions(args);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        for (BenchmarkListEntry entry : selected(options.get())) {
            Optional<String> why = refusal(entry, options.get());
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    /**
     * The benchmarks JMH would run for {@code args}, in its order; empty when {@code args} runs
     * none (a syntax error JMH answers itself, a list, help).
     */
    static List<BenchmarkListEntry> selectedToRun(String... args) {
        return runOptions(args).map(ParamCheck::selected).orElse(List.of());
    }

    /** {@code args} parsed, when they ask JMH to run benchmarks rather than to list or explain. */
    private static Optional<CommandLineOptions> runOptions(String... args) {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            return Optional.empty();
        }
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            return Optional.empty();
        }
        return Optional.of(options);
    }

    private static List<BenchmarkListEntry> selected(CommandLineOptions options) {
        // As JMH's runner: no include selects every benchmark.
        List<String> includes = options.getIncludes().isEmpty() ? List.of(".*") : options.getIncludes();
        return List.copyOf(BenchmarkList.defaultList().find(silent(), includes, options.getExcludes()));
    }

    private static Optional<String> refusal(BenchmarkListEntry entry, CommandLineOptions options) {
        if (!entry.getParams().hasValue()) {
            return Optional.empty();
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> given = new ArrayList<>();
        entry.getParams().get().forEach((key, declared) -> {
            Collection<String> asked = options.getParameter(key).orElse(null);
            if (asked != null) {
                values.put(key, List.copyOf(asked));
                given.add("-p " + key + "=" + String.join(",", asked));
            } else {
                values.put(key, List.of(declared));
            }
        });
        // The declared lists themselves are pinned by DeclaredParamsTest.
        if (given.isEmpty()) {
            return Optional.empty();
        }
        for (Map<String, String> combination : product(values)) {
            String why = whyNot(combination);
            if (why != null) {
                return Optional.of(String.join(" ", given) + ": " + why + " (" + entry.getUsername() + ")");
            }
        }
        return Optional.empty();
    }

    /** Null when the benchmark's setup would take {@code combination}, else its one-line reason. */
    private static String whyNot(Map<String, String> combination) {
        try {
            if (combination.keySet().containsAll(SCENARIO_KEYS)) {
                Scenario.of(combination.get("strategy"), number(combination, "trapEvery"), combination.get("notify"),
                        number(combination, "pages"), combination.get("bpType"), number(combination, "bpLen"),
                        number(combination, "threads"), number(combination, "slots"));
            }
            String binding = combination.get(BINDING);
            // Binding.parse names the -D property it also reads, not the -p key: say it here.
            if (binding != null && Arrays.stream(Binding.values()).noneMatch(b -> b.key().equals(binding))) {
                return "binding '" + binding + "' is not one of " + Arrays.stream(Binding.values()).map(Binding::key)
                        .collect(Collectors.joining(", "));
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static int number(Map<String, String> combination, String key) {
        String value = combination.get(key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a whole number");
        }
    }

    private static List<Map<String, String>> product(Map<String, List<String>> values) {
        List<Map<String, String>> combinations = List.of(Map.of());
        for (Map.Entry<String, List<String>> key : values.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : key.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(key.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static OutputFormat silent() {
        return OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
    }
}
