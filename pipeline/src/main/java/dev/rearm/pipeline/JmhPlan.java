package dev.rearm.pipeline;

import dev.rearm.jmh.benchmarks.BindingFloorBenchmark;
import dev.rearm.jmh.benchmarks.HeadlineBenchmark;
import dev.rearm.jmh.benchmarks.ShapeBenchmark;
import dev.rearm.jmh.benchmarks.SlotsBenchmark;
import dev.rearm.jmh.benchmarks.ThreadsBenchmark;
import dev.rearm.perf.scenario.Notify;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the profile's JMH settings and the probe's findings into JMH invocations.
 *
 * <p>Most benchmarks run in one invocation. Three need the machine's answers, which a JMH
 * {@code @Param} list cannot express: {@code ShapeBenchmark} runs once per bpType with only the
 * bpLens this CPU accepts ({@code -p bpType=X -p bpLen=8}); {@code ThreadsBenchmark} runs once per
 * thread count 1..nproc ({@code -t N -p threads=N}); {@code SlotsBenchmark} runs only the slot
 * counts the debug registers allow.
 *
 * <p>What the kernel refuses is left out, never run to fail: without a watchpoint only the
 * binding floors that need none run; without the modify ioctl (a kernel before 4.17) only
 * {@code strategy=reopen}; without signals no {@code notify=signal}; without attr.sigtrap no
 * {@code notify=sigtrap}, nor where modify runs but cannot rewrite sig_data; where watchpoints never fire
 * only {@code trapEvery=0}, and no benchmark whose point is the traps; and a ring size whose rings
 * do not fit the locked-memory limit is dropped from {@code pages}. Every omission is listed,
 * with its reason, for run.json and the report, so a missing figure is never a silent one.
 */
public final class JmhPlan {
    static final String SHAPE = ShapeBenchmark.class.getName() + ".";
    static final String THREADS = ThreadsBenchmark.class.getName() + ".";
    static final String SLOTS = SlotsBenchmark.class.getName() + ".";
    /** The only benchmarks that arm no watchpoint: the JNA round trip and the cheapest syscall. */
    static final Set<String> NEED_NO_WATCHPOINT = Set.of(BindingFloorBenchmark.class.getName() + ".getpagesize",
            BindingFloorBenchmark.class.getName() + ".gettid");
    /** Strategies that move a watchpoint with PERF_EVENT_IOC_MODIFY_ATTRIBUTES. */
    private static final Set<String> NEED_MODIFY = Set.of("modify", "disable-modify-enable");

    /**
     * The benchmarks the claims read (the analysis's ClaimCheck reads HeadlineBenchmark): they run
     * {@code bench.jmh.forks}, every other one {@code bench.jmh.sweepForks}.
     */
    static final Set<String> CLAIM_BENCHMARKS = Set.of(HeadlineBenchmark.class.getName() + ".move");

    private final List<JmhRun> runs = new ArrayList<>();
    /** (scenario, why) -> the benchmarks it is left out of: one refusal is listed once, not once per benchmark. */
    private final Map<List<String>, List<String>> notRun = new LinkedHashMap<>();

    private JmhPlan() {
    }

    /** Refuses an include that selects nothing, before anything runs. */
    public static List<String> checkInclude(BenchmarkCatalog catalog, JmhSettings settings) {
        List<String> selected = catalog.matching(settings.include());
        if (selected.isEmpty()) {
            throw new BadSettingException("bench.include '" + settings.include() + "' matches no benchmark; valid: a "
                    + "regular expression found in one of " + String.join(", ", catalog.matching("")));
        }
        return selected;
    }

    public static JmhPlan of(BenchmarkCatalog catalog, JmhSettings settings, EnvFacts env) {
        JmhPlan plan = new JmhPlan();
        List<String> selected = checkInclude(catalog, settings);
        // Benchmarks narrowed alike share one invocation; the first (usually the only one) is "suite".
        Map<List<String>, List<String>> claims = new LinkedHashMap<>();
        Map<List<String>, List<String>> general = new LinkedHashMap<>();
        List<String> special = new ArrayList<>();
        String watchpointBenchmarkRefusal = watchpointBenchmarkRefusal(env);
        for (String name : selected) {
            if (!NEED_NO_WATCHPOINT.contains(name) && watchpointBenchmarkRefusal != null) {
                plan.leaveOut(simpleName(name) + name.substring(name.lastIndexOf('.')), "", watchpointBenchmarkRefusal);
            } else if (name.startsWith(SHAPE) || name.startsWith(THREADS) || name.startsWith(SLOTS)) {
                special.add(name);
            } else {
                List<String> narrowed = plan.narrow(catalog, env, name, 1, 1);
                if (narrowed != null) {
                    // The claims' benchmarks run apart: they take bench.jmh.forks, the rest bench.jmh.sweepForks.
                    (CLAIM_BENCHMARKS.contains(name) ? claims : general)
                            .computeIfAbsent(narrowed, k -> new ArrayList<>()).add(name);
                }
            }
        }
        claims.forEach((narrowed, names) -> plan.add(narrowed.isEmpty() ? "claims" : "claims " + describe(narrowed),
                settings.forks(), settings, names, narrowed));
        general.forEach((narrowed, names) -> plan.add(narrowed.isEmpty() ? "suite" : "suite " + describe(narrowed),
                settings.sweepForks(), settings, names, narrowed));
        for (String name : special) {
            if (name.startsWith(SHAPE)) {
                plan.planShapes(catalog, settings, env, name);
            } else if (name.startsWith(THREADS)) {
                List<String> narrowed = plan.narrow(catalog, env, name, 1, env.nproc());
                for (int threads = 1; threads <= env.nproc() && narrowed != null; threads++) {
                    List<String> constraints = new ArrayList<>(List.of("-t", String.valueOf(threads), "-p",
                            "threads=" + threads));
                    constraints.addAll(narrowed);
                    plan.add(simpleName(name) + " threads=" + threads, settings.sweepForks(), settings, List.of(name), constraints);
                }
            } else {
                plan.planSlots(catalog, settings, env, name);
            }
        }
        return plan;
    }

    /**
     * The {@code -p} options that keep {@code name} to what this machine can run (empty: all of
     * it), or null when nothing of it can run. Each value left out is recorded with its reason.
     */
    private List<String> narrow(BenchmarkCatalog catalog, EnvFacts env, String name, int slots, int threads) {
        List<String> constraints = new ArrayList<>();
        boolean modifyRuns = env.modifyRefusal() == null && (!catalog.declares(name, "strategy")
                || catalog.declared(name, "strategy").stream().anyMatch(NEED_MODIFY::contains));
        boolean anyLeft = keep(catalog, name, "strategy", constraints,
                strategy -> NEED_MODIFY.contains(strategy) && env.modifyRefusal() != null
                        ? "the modify ioctl is refused here: " + env.modifyRefusal() : null)
                && keep(catalog, name, "notify", constraints, notify -> notifyRefusal(env, notify, modifyRuns))
                && keep(catalog, name, "pages", constraints,
                        pages -> env.ringRefusal(Integer.parseInt(pages), slots, threads));
        return anyLeft ? constraints : null;
    }

    /**
     * Why {@code notify} cannot run here, or null. sigtrap where modify runs also needs the modify
     * ioctl to rewrite sig_data (Linux 5.17+): a -p list cannot pair sigtrap with reopen alone, and
     * a sigtrap run exists for the reopen/modify ratio, so sigtrap is then left out as a whole.
     */
    private static String notifyRefusal(EnvFacts env, String notify, boolean modifyRuns) {
        if (Notify.SIGNAL.key().equals(notify) && env.signalRefusal() != null) {
            return "no signal per trap here: " + env.signalRefusal();
        }
        if (Notify.SIGTRAP.key().equals(notify) && env.sigtrapRefusal() != null) {
            return "attr.sigtrap is not usable here: " + env.sigtrapRefusal();
        }
        if (Notify.SIGTRAP.key().equals(notify) && modifyRuns && env.sigDataModifyRefusal() != null) {
            return "the modify ioctl cannot rewrite sig_data here, so modify cannot retag a sigtrap watchpoint "
                    + "(and reopen alone gives no ratio): " + env.sigDataModifyRefusal();
        }
        return null;
    }

    /** Why no benchmark that arms a watchpoint can run here, or null. */
    private static String watchpointBenchmarkRefusal(EnvFacts env) {
        if (env.watchpointRefusal() != null) {
            return "no watchpoint can be armed here: " + env.watchpointRefusal();
        }
        if (env.trapRefusal() != null) {
            // Every watchpoint benchmark proves its watchpoints live by a trap after each iteration.
            return "each iteration must prove its watchpoints live by a trap, and no trap is counted here (a store "
                    + "under an armed watchpoint does not fire it): " + env.trapRefusal();
        }
        return null;
    }

    /** Keeps the declared values of {@code param} that {@code refusal} lets through; false when none are left. */
    private boolean keep(BenchmarkCatalog catalog, String name, String param, List<String> constraints,
                         java.util.function.Function<String, String> refusal) {
        if (!catalog.declares(name, param)) {
            return true;
        }
        List<String> declared = catalog.declared(name, param);
        List<String> kept = new ArrayList<>();
        for (String value : declared) {
            String why = refusal.apply(value);
            if (why == null) {
                kept.add(value);
            } else {
                leaveOut(simpleName(name), param + "=" + value, why);
            }
        }
        if (kept.size() < declared.size() && !kept.isEmpty()) {
            constraints.addAll(List.of("-p", param + "=" + String.join(",", kept)));
        }
        return !kept.isEmpty();
    }

    private void planShapes(BenchmarkCatalog catalog, JmhSettings settings, EnvFacts env, String name) {
        List<String> narrowed = narrow(catalog, env, name, 1, 1);
        if (narrowed == null) {
            return;
        }
        for (String bpType : catalog.declared(name, "bpType")) {
            List<String> accepted = new ArrayList<>();
            for (String bpLen : catalog.declared(name, "bpLen")) {
                String refusal = env.shapeRefusal(bpType, Integer.parseInt(bpLen));
                if (refusal == null) {
                    accepted.add(bpLen);
                } else {
                    leaveOut(simpleName(name), "bpType=" + bpType + " bpLen=" + bpLen,
                            "this CPU refuses the shape (" + refusal + ")");
                }
            }
            if (!accepted.isEmpty()) {
                List<String> constraints = new ArrayList<>(List.of("-p", "bpType=" + bpType, "-p",
                        "bpLen=" + String.join(",", accepted)));
                constraints.addAll(narrowed);
                add(simpleName(name) + " bpType=" + bpType, settings.sweepForks(), settings, List.of(name), constraints);
            }
        }
    }

    private void planSlots(BenchmarkCatalog catalog, JmhSettings settings, EnvFacts env, String name) {
        List<String> fitting = new ArrayList<>();
        for (String slots : catalog.declared(name, "slots")) {
            if (Integer.parseInt(slots) <= env.debugRegisters()) {
                fitting.add(slots);
            } else {
                leaveOut(simpleName(name), "slots=" + slots, "the probe found " + env.debugRegisters()
                        + " debug registers");
            }
        }
        List<String> narrowed = fitting.isEmpty() ? null
                : narrow(catalog, env, name, Integer.parseInt(fitting.get(fitting.size() - 1)), 1);
        if (narrowed != null) {
            List<String> constraints = new ArrayList<>(List.of("-p", "slots=" + String.join(",", fitting)));
            constraints.addAll(narrowed);
            add(simpleName(name), settings.sweepForks(), settings, List.of(name), constraints);
        }
    }

    private void add(String label, int forks, JmhSettings settings, List<String> benchmarks, List<String> constraints) {
        List<String> args = new ArrayList<>(exactly(benchmarks));
        args.addAll(settings.commonArgs(forks));
        args.addAll(constraints);
        runs.add(new JmhRun(label, benchmarks, NotRun.scenarioKeys(describe(constraints)), args));
    }

    /** What is left out: {@code scenario} (e.g. "strategy=modify", or empty) of {@code benchmark}, and why. */
    private void leaveOut(String benchmark, String scenario, String why) {
        notRun.computeIfAbsent(List.of(scenario, why), k -> new ArrayList<>()).add(benchmark);
    }

    /** "-p strategy=reopen -p pages=1,8" -> "strategy=reopen pages=1,8". */
    private static String describe(List<String> constraints) {
        return constraints.stream().filter(arg -> !arg.startsWith("-")).collect(Collectors.joining(" "));
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

    /** Scenarios this machine cannot run, each with the reason; benchmarks left out for the same reason share an entry. */
    public List<NotRun> notRun() {
        List<NotRun> entries = new ArrayList<>();
        notRun.forEach((key, benchmarks) -> entries.add(new NotRun("JMH " + String.join(", ", benchmarks)
                + (key.get(0).isEmpty() ? "" : " " + key.get(0)), key.get(1), "jmh", benchmarks,
                NotRun.scenarioKeys(key.get(0)))));
        return entries;
    }

    /** {@link #notRun()} as "what: why" lines. */
    public List<String> leftOut() {
        return notRun().stream().map(NotRun::toString).toList();
    }
}
