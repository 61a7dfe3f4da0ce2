package dev.rearm.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmarks compiled into this jar (JMH's META-INF/BenchmarkList) with the values each
 * declares for its {@code @Param}s, so the plan can narrow them to what the machine supports.
 */
public final class BenchmarkCatalog {
    private final SortedMap<String, Map<String, List<String>>> params = new TreeMap<>();

    private BenchmarkCatalog() {
    }

    /** The catalog of the benchmarks on the class path. */
    public static BenchmarkCatalog compiledIn() {
        BenchmarkCatalog catalog = new BenchmarkCatalog();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().getAll(silent(), List.of())) {
            Map<String, List<String>> declared = new TreeMap<>();
            if (entry.getParams().hasValue()) {
                entry.getParams().get().forEach((key, values) -> declared.put(key, Arrays.asList(values)));
            }
            catalog.params.merge(entry.getUsername(), declared, (a, b) -> a);
        }
        return catalog;
    }

    private static OutputFormat silent() {
        return OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT);
    }

    /** Benchmark names (class.method) in which JMH would find {@code include}; all when it is empty. */
    public List<String> matching(String include) {
        if (include == null || include.isEmpty()) {
            return List.copyOf(params.keySet());
        }
        Pattern pattern = Pattern.compile(include);
        return params.keySet().stream().filter(name -> pattern.matcher(name).find()).toList();
    }

    /** Whether {@code name} declares the {@code @Param} {@code param}. */
    public boolean declares(String name, String param) {
        return params.getOrDefault(name, Map.of()).containsKey(param);
    }

    /** Every {@code @Param} of {@code name} with its declared values. */
    public Map<String, List<String>> params(String name) {
        return params.getOrDefault(name, Map.of());
    }

    /** The values {@code name} declares for {@code param}, in declaration order. */
    public List<String> declared(String name, String param) {
        List<String> values = params.getOrDefault(name, Map.of()).get(param);
        if (values == null) {
            throw new IllegalStateException(name + " declares no @Param " + param);
        }
        return values;
    }
}
