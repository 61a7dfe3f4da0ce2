package dev.rearm.analysis.baseline;

import dev.rearm.analysis.load.Environment;
import dev.rearm.analysis.load.NativeRounds;
import dev.rearm.analysis.load.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where two runs were not made alike: env.json's facts, native.json's env block, jmh.json's JMH
 * and JVM, the profile and the JMH binding in run.json, and how native rounds were sized. A
 * baseline comparison lists every one of them first, since any of them can move a figure by itself.
 * Times (when each ran or was probed) always differ and are left out; a fact one run states and the
 * other does not is listed as such.
 */
public final class RunDifferences {
    private RunDifferences() {
    }

    /**
     * One line per fact the two runs state differently, e.g. "kernel (env.json): '6.18.44' here,
     * '6.17.1' in the baseline".
     */
    public static List<String> between(Run current, Run baseline) {
        List<String> out = new ArrayList<>();
        fact(out, "profile (run.json)", current.info().profile(), baseline.info().profile());
        fact(out, "JMH's perf binding (run.json)", current.info().binding(), baseline.info().binding());
        fact(out, "git commit (run.json)", current.info().gitCommit(), baseline.info().gitCommit());
        fact(out, "host (run.json)", current.info().host(), baseline.info().host());
        environment(out, "(" + current.environment().source() + ")", current.environment(), baseline.environment());
        if (current.nativeEnvironment() != null && baseline.nativeEnvironment() != null) {
            environment(out, "(native.json env)", current.nativeEnvironment(), baseline.nativeEnvironment());
        }
        fact(out, "JMH version (jmh.json)", current.jmhVersion(), baseline.jmhVersion());
        fact(out, "JMH's JVM (jmh.json)", current.jmhJvm(), baseline.jmhJvm());
        rounds(out, current.nativeRounds(), baseline.nativeRounds());
        return List.copyOf(out);
    }

    private static void environment(List<String> out, String where, Environment a, Environment b) {
        List<Function<Environment, Object>> values = List.of(Environment::kernel, Environment::arch, Environment::cpu,
                Environment::hypervisor, Environment::nproc, Environment::pageSize, Environment::paranoid,
                Environment::mlockKb, Environment::user, Environment::jvm, Environment::jna,
                Environment::debugRegisters);
        List<String> names = List.of("kernel", "architecture", "CPU", "hypervisor", "CPUs (nproc)", "page size",
                "perf_event_paranoid", "perf mlock limit (KiB)", "user", "JVM", "JNA", "debug registers");
        for (int i = 0; i < values.size(); i++) {
            fact(out, names.get(i) + " " + where, values.get(i).apply(a), values.get(i).apply(b));
        }
        for (Environment.Capability capability : a.capabilities()) {
            b.capabilities().stream().filter(other -> other.name().equals(capability.name())).findFirst()
                    .ifPresent(other -> fact(out, capability.name() + " supported " + where,
                            capability.supported(), other.supported()));
        }
    }

    private static void rounds(List<String> out, NativeRounds a, NativeRounds b) {
        if (a.sizing() == NativeRounds.Sizing.UNKNOWN || b.sizing() == NativeRounds.Sizing.UNKNOWN) {
            return;
        }
        fact(out, "native round sizing (native.json)", a.sizing(), b.sizing());
        fact(out, "native round target ms (native.json)", a.roundMs(), b.roundMs());
        fact(out, "native minimum ops per round (native.json)", a.minOps(), b.minOps());
        fact(out, "native ops per round (native.json)", a.iterations(), b.iterations());
    }

    private static void fact(List<String> out, String name, Object here, Object there) {
        if (here == null && there == null) {
            return;
        }
        String a = here == null ? "not stated" : "'" + here.toString().trim() + "'";
        String b = there == null ? "not stated" : "'" + there.toString().trim() + "'";
        if (!Objects.equals(a, b)) {
            out.add(name + ": " + a + " here, " + b + " in the baseline");
        }
    }
}
