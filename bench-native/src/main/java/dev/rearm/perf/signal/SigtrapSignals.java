package dev.rearm.perf.signal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.rearm.perf.linux.PerfbpLibrary;

/**
 * libperfbp's SIGTRAP handler for notify=sigtrap (attr.sigtrap, Linux 5.13+).
 *
 * <p>The handler counts only SIGTRAPs whose si_code is TRAP_PERF, per thread, with the tag
 * (si_perf_data) each carried; every other SIGTRAP goes to the handler installed before it, so a
 * debugger or a runtime that uses SIGTRAP keeps working. HotSpot installs a SIGTRAP handler on
 * PPC64 only (signals_posix.cpp); on x86_64 the SigCgt of JVM 17 and 25 has no SIGTRAP, so there,
 * as on aarch64, the previous disposition in a JVM is the default one (signal/SigtrapChainTest).
 */
public final class SigtrapSignals {
    static {
        // By path: the same file as the JNI perf calls and the notify=signal counters (PerfbpLibrary).
        Native.register(SigtrapSignals.class, NativeLibrary.getInstance(PerfbpLibrary.path()));
    }

    private static boolean installed;

    private SigtrapSignals() {
    }

    private static native int perfbp_sigtrap_install() throws LastErrorException;

    static native long perfbp_sigtrap_cell();

    private static native long perfbp_sigtrap_count();

    private static native long perfbp_sigtrap_chained_count();

    private static native long perfbp_sigtrap_data_offset();

    /** Installs the handler once per process (SA_SIGINFO, chaining); later calls do nothing. */
    public static synchronized void install() {
        if (!installed) {
            perfbp_sigtrap_install();
            installed = true;
        }
    }

    /** TRAP_PERF SIGTRAPs counted in this process, on every thread. */
    public static long count() {
        return perfbp_sigtrap_count();
    }

    /** SIGTRAPs that were not perf's and went to the previous handler. */
    public static long chainedCount() {
        return perfbp_sigtrap_chained_count();
    }

    /** Where the handler reads si_perf_data in a siginfo_t (pinned against the kernel header by a test). */
    public static long perfDataOffset() {
        return perfbp_sigtrap_data_offset();
    }
}
