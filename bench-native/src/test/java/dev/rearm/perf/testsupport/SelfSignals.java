package dev.rearm.perf.testsupport;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.rearm.perf.linux.LibC;

/**
 * Signals a test sends to its own thread, to exercise a signal handler where no watchpoint fires:
 * a plain SIGTRAP (si_code SI_TKILL, as a debugger or a runtime might cause) and a SIGTRAP that
 * looks like a sigtrap watchpoint's (si_code TRAP_PERF, si_perf_data = a tag). The kernel lets a
 * process queue any si_code to itself (rt_tgsigqueueinfo), and delivers it to the calling thread
 * before the call returns, as it delivers a perf event's SIGTRAP.
 */
public final class SelfSignals {
    static {
        Native.register(SelfSignals.class, NativeLibrary.getInstance("c"));
    }

    private SelfSignals() {
    }

    private static native int raise(int sig);

    private static native long syscall(long number, int tgid, int tid, int sig, Pointer info);

    /** raise(SIGTRAP): si_code SI_TKILL, not perf's. */
    public static void raiseSigtrap() {
        if (raise((int) HeaderFacts.of("SIGTRAP")) != 0) {
            throw new AssertionError("raise(SIGTRAP) failed");
        }
    }

    /** A SIGTRAP to this thread with si_code TRAP_PERF and si_perf_data = {@code tag}, laid out by the kernel header. */
    public static void queueTrapPerf(long tag) {
        try (Memory info = new Memory(HeaderFacts.of("siginfo.sizeof"))) {
            info.clear();
            int sigtrap = (int) HeaderFacts.of("SIGTRAP");
            info.setInt(0, sigtrap);
            info.setInt(HeaderFacts.of("siginfo.offset.si_code"), (int) HeaderFacts.of("TRAP_PERF"));
            info.setLong(HeaderFacts.of("siginfo.offset.si_perf_data"), tag);
            long result = syscall(HeaderFacts.of("__NR_rt_tgsigqueueinfo"), (int) ProcessHandle.current().pid(),
                    LibC.gettid(), sigtrap, info);
            if (result != 0) {
                throw new AssertionError("rt_tgsigqueueinfo(SIGTRAP, TRAP_PERF) returned " + result + ", errno "
                        + Native.getLastError());
            }
        }
    }
}
