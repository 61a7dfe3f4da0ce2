package dev.rearm.jmh.pipeline;

import dev.rearm.jmh.benchmarks.ShapeBenchmark;
import dev.rearm.jmh.benchmarks.SlotsBenchmark;
import dev.rearm.jmh.benchmarks.ThreadsBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the profile's JMH settings and the probe's findings into JMH invocations.
 *
 * <p>Most benchmarks run in one invocation. Three need the machine's answers, which a JMH
 * {@code @Param} list cannot express: {@code ShapeBenchmark} runs once per bpType with only the
 * bpLens this CPU accepts ({@code -p bpType=X -p bpLen=8}); {@code ThreadsBenchmark} runs once per
 * thread count 1..nproc ({@code -t N -p threads=N}); {@code SlotsBenchmark} runs only the slot
 * counts the debug registers allow. What is left out, and why, is listed for run.json and the
 * report, so a missing figure is never a silent one.
 */
public final class JmhPlan {
    static final String SHAPE = ShapeBenchmark.class.getName() + ".";
    static final String THREADS = ThreadsBenchmark.class.getName() + ".";
    static final String SLOTS = SlotsBenchmark.class.getName() + ".";

    private final List<JmhRun> runs = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();

    private JmhPlan() {
    }

    public static JmhPlan of(BenchmarkCatalog catalog, JmhSettings settings, EnvFacts env) {
        JmhPlan plan = new JmhPlan();
        List<String> selected = catalog.matching(settings.include());
        if (selected.isEmpty()) {
            throw new BadSettingException("bench.include '" + settings.include() + "' matches no benchmark; they are: "
                    + String.join(", ", catalog.matching("")));
        }
        List<String> general = selected.stream()
                .filter(name -> !name.startsWith(SHAPE) && !name.startsWith(THREADS) && !name.startsWith(SLOTS))
                .toList();
        if (!general.isEmpty()) {
            plan.add("suite", settings, exactly(general), List.of());
        }
        for (String name : selected) {
            if (name.startsWith(SHAPE)) {
                plan.planShapes(catalog, settings, env, name);
            } else if (name.startsWith(THREADS)) {
                for (int threads = 1; threads <= env.nproc(); threads++) {
                    plan.add(simpleName(name) + " threads=" + threads, settings, exactly(List.of(name)),
                            List.of("-t", String.valueOf(threads), "-p", "threads=" + threads));
                }
            } else if (name.startsWith(SLOTS)) {
                plan.planSlots(catalog, settings, env, name);
            }
        }
        return plan;
    }

    private void planShapes(BenchmarkCatalog catalog, JmhSettings settings, EnvFacts env, String name) {
        for (String bpType : catalog.declared(name, "bpType")) {
            List<String> accepted = new ArrayList<>();
            for (String bpLen : catalog.declared(name, "bpLen")) {
                String refusal = env.shapeRefusal(bpType, Integer.parseInt(bpLen));
                if (refusal == null) {
                    accepted.add(bpLen);
                } else {
                    leftOut.add(simpleName(name) + " bpType=" + bpType + " bpLen=" + bpLen
                            + ": this CPU refuses the shape (" + refusal + ")");
                }
            }
            if (!accepted.isEmpty()) {
                add(simpleName(name) + " bpType=" + bpType, settings, exactly(List.of(name)),
                        List.of("-p", "bpType=" + bpType, "-p", "bpLen=" + String.join(",", accepted)));
            }
        }
    }

    private void planSlots(BenchmarkCatalog catalog, JmhSettings settings, EnvFacts env, String name) {
        List<String> fitting = new ArrayList<>();
        for (String slots : catalog.declared(name, "slots")) {
            if (Integer.parseInt(slots) <= env.debugRegisters()) {
                fitting.add(slots);
            } else {
                leftOut.add(simpleName(name) + " slots=" + slots + ": the probe found " + env.debugRegisters()
                        + " debug registers");
            }
        }
        if (!fitting.isEmpty()) {
            add(simpleName(name), settings, exactly(List.of(name)), List.of("-p", "slots=" + String.join(",", fitting)));
        }
    }

    private void add(String label, JmhSettings settings, List<String> includes, List<String> constraints) {
        List<String> args = new ArrayList<>(includes);
        args.addAll(settings.commonArgs());
        args.addAll(constraints);
        runs.add(new JmhRun(label, args));
    }

    /** JMH includes are regexes found in the name: anchor and quote, so each selects one benchmark. */
    private static List<String> exactly(List<String> names) {
        return names.stream().map(name -> "^" + Pattern.quote(name) + "$").collect(Collectors.toList());
    }

    private static String simpleName(String benchmark) {
        String withoutMethod = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return withoutMethod.substring(withoutMethod.lastIndexOf('.') + 1);
    }

    public List<JmhRun> runs() {
        return List.copyOf(runs);
    }

    /** Scenarios this machine cannot run, each with the reason. */
    public List<String> leftOut() {
        return List.copyOf(leftOut);
    }
}
