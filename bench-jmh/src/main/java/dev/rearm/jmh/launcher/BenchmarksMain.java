package dev.rearm.jmh.launcher;

import java.io.IOException;
import java.util.Optional;

/**
 * benchmarks.jar's main: JMH's own, after {@link ParamCheck} has refused, in one line and exit
 * 2, a {@code -p} value no fork could run, and {@link TrapGate}, in one line and exit 3, a run of
 * benchmarks that need a trap where no watchpoint fires. Every JMH option is passed through unchanged.
 */
public final class BenchmarksMain {
    private static final int EXIT_USAGE = 2;
    /** The native harness's exit for "the kernel refused": nothing can be measured here. */
    private static final int EXIT_CANNOT_MEASURE = 3;

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws IOException {
        Optional<String> refusal = ParamCheck.refusal(args);
        if (refusal.isPresent()) {
            System.err.println("benchmarks.jar: " + refusal.get() + "; nothing run");
            System.exit(EXIT_USAGE);
        }
        Optional<String> noTrap = TrapGate.refusal(args);
        if (noTrap.isPresent()) {
            System.err.println("benchmarks.jar: " + noTrap.get()
                    + "; nothing run (BindingFloorBenchmark needs no trap and still runs)");
            System.exit(EXIT_CANNOT_MEASURE);
        }
        org.openjdk.jmh.Main.main(args);
    }
}
