package dev.rearm.perf.hostile;

import com.sun.jna.LastErrorException;
import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.linux.Arch;
import dev.rearm.perf.linux.LibC;
import dev.rearm.perf.memory.WatchedMemory;

/**
 * A watchpoint on every task of one CPU ({@code perf record -e mem:ADDR -a} does this): "someone
 * else" who competes for the same debug registers as a thread's own watchpoints. The kernel
 * admits a thread's watchpoint only while the CPU-wide ones plus the thread's own fit the
 * registers, so one CPU-wide watchpoint can take the register a reopen just freed. Opening one
 * needs CAP_PERFMON (or root).
 */
final class CpuWideWatchpoint implements AutoCloseable {
    private static final long PERF_FLAG_FD_CLOEXEC = 1L << 3;

    private final int fd;

    private CpuWideWatchpoint(int fd) {
        this.fd = fd;
    }

    /** Opens one on {@code cpu}, or returns null with the errno in {@code refusal[0]}. */
    static CpuWideWatchpoint tryOpen(WatchedMemory memory, int cpu, int[] refusal) {
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1)) {
            long fd = LibC.syscall(Arch.current().perfEventOpenSyscall(), attr.pointer(), -1, cpu, -1,
                    PERF_FLAG_FD_CLOEXEC);
            return new CpuWideWatchpoint((int) fd);
        } catch (LastErrorException e) {
            refusal[0] = e.getErrorCode();
            return null;
        }
    }

    @Override
    public void close() {
        LibC.close(fd);
    }
}
