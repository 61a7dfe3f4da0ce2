package dev.rearm.perf.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the tests run on QEMU's software-emulated CPU (TCG), as in the guest CI runs the trap
 * tests in where this machine's own watchpoints never fire: its model name says "QEMU TCG". There
 * a store is now and then counted more than once ({@link TrapCounts}) and everything runs tens of
 * times slower, so a bound on a child's wall time is stretched ({@link #timeoutSeconds}); nothing
 * measured there is ever asserted.
 */
public final class EmulatedCpu {
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");
    /** How much longer a child may take on the emulated CPU before the test calls it hung. */
    static final int SLOWDOWN = 10;
    private static Boolean here;

    private EmulatedCpu() {
    }

    public static synchronized boolean here() {
        if (here == null) {
            try {
                here = Files.readAllLines(CPUINFO).stream().anyMatch(line -> line.startsWith("model name")
                        && line.toLowerCase(Locale.ROOT).contains("qemu tcg"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return here;
    }

    /** A child's time bound: {@code onACpu} seconds, {@value #SLOWDOWN} times that on the emulated CPU. */
    public static long timeoutSeconds(long onACpu) {
        return here() ? onACpu * SLOWDOWN : onACpu;
    }
}
