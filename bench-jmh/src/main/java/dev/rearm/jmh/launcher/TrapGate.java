package dev.rearm.jmh.launcher;

import dev.rearm.jmh.benchmarks.BindingFloorBenchmark;
import dev.rearm.perf.probe.Capability;
import dev.rearm.perf.probe.Probe;
import java.util.Optional;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * Every watchpoint benchmark proves its watchpoints live by a trap after each iteration
 * ({@code WatchpointState}), so where a store under a watchpoint never traps (a paravirtual VM)
 * each of their forks fails with a stack trace and JMH still exits 0 with an empty table. Here
 * the probe asks once, before any fork, whether a store under a watchpoint traps on this machine.
 */
final class TrapGate {
    /** Only times system calls and the binding: opens a watchpoint at most, never needs it to fire. */
    private static final String NEEDS_NO_TRAP = BindingFloorBenchmark.class.getName();

    private TrapGate() {
    }

    /**
     * Why JMH's command line {@code args} would run a benchmark that needs a trap where none fires,
     * in one line; empty when nothing selected needs a trap, when traps fire, or when the line runs
     * nothing (a list, help).
     */
    static Optional<String> refusal(String... args) {
        Optional<BenchmarkListEntry> needsTrap = ParamCheck.selectedToRun(args).stream()
                .filter(entry -> !entry.getUserClassQName().equals(NEEDS_NO_TRAP))
                .findFirst();
        if (needsTrap.isEmpty()) {
            return Optional.empty();
        }
        Capability traps;
        try {
            traps = Probe.storesTrap();
        } catch (LinkageError | RuntimeException e) {
            // A probe that cannot load JNA or libperfbp.so has not shown that traps never fire, and
            // refusing on it would also stop a run with another binding that loads: let JMH run, and
            // forks that need the same natives report their own error.
            return Optional.empty();
        }
        if (traps.supported()) {
            return Optional.empty();
        }
        return Optional.of(shortName(needsTrap.get()) + " needs a store under a watchpoint to trap, and here "
                + traps.reason());
    }

    private static String shortName(BenchmarkListEntry entry) {
        String qualified = entry.getUsername();
        int method = qualified.lastIndexOf('.');
        return qualified.substring(qualified.lastIndexOf('.', method - 1) + 1);
    }
}
