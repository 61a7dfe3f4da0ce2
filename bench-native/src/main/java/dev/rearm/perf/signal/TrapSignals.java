package dev.rearm.perf.signal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.rearm.perf.linux.PerfbpLibrary;

/**
 * The trap-counting signal handler of libperfbp.so (bundled in the jar, found by JNA).
 *
 * <p>Java cannot run in a signal handler, so counting the one signal per trap that
 * notify=signal produces is done in C; this class only installs the handler and reads the counts.
 * The signal is SIGRTMIN+3: real-time (queued, so none merge), unused by HotSpot and glibc.
 */
public final class TrapSignals {
    static {
        // By path, not by name: the same file as the JNI perf calls, so one library and one set of counters.
        Native.register(TrapSignals.class, NativeLibrary.getInstance(PerfbpLibrary.path()));
    }

    private static final int SIGNAL = perfbp_sigrtmin_plus(3);
    private static boolean installed;

    private TrapSignals() {
    }

    private static native int perfbp_signal_install(int signo) throws LastErrorException;

    private static native long perfbp_signal_count();

    private static native long perfbp_signal_thread_count();

    private static native long perfbp_signal_poll_in_count();

    private static native void perfbp_signal_reset();

    private static native int perfbp_sigrtmin_plus(int offset);

    /** The signal number watchpoints are told to send (F_SETSIG). */
    public static int signal() {
        return SIGNAL;
    }

    /** Installs the counting handler once per process; later calls do nothing. */
    public static synchronized void install() {
        if (!installed) {
            perfbp_signal_install(SIGNAL);
            installed = true;
        }
    }

    /** Signals counted in this process since the last {@link #reset()}. */
    public static long count() {
        return perfbp_signal_count();
    }

    /** Signals delivered to the calling thread since its last {@link #reset()}. */
    public static long threadCount() {
        return perfbp_signal_thread_count();
    }

    /** Signals whose si_code was POLL_IN (a ring had data), process-wide. */
    public static long pollInCount() {
        return perfbp_signal_poll_in_count();
    }

    /** Zeroes the process-wide counts and the calling thread's count. */
    public static void reset() {
        perfbp_signal_reset();
    }
}
