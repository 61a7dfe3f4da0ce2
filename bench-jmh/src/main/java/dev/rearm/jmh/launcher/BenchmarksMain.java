package dev.rearm.jmh.launcher;

import java.io.IOException;
import java.util.Optional;

/**
 * benchmarks.jar's main: JMH's own, after {@link ParamCheck} has refused, in one line and exit
 * 2, a {@code -p} value no fork could run. Every JMH option is passed through unchanged.
 */
public final class BenchmarksMain {
    private static final int EXIT_USAGE = 2;

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws IOException {
        Optional<String> refusal = ParamCheck.refusal(args);
        if (refusal.isPresent()) {
            System.err.println("benchmarks.jar: " + refusal.get() + "; nothing run");
            System.exit(EXIT_USAGE);
        }
        org.openjdk.jmh.Main.main(args);
    }
}
