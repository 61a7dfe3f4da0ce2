package dev.rearm.perf.testsupport;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this machine can arm a watchpoint and make it fire, found out by a few lines that
 * share nothing with the code under test: no mover, no attr encoder, no probe, no libperfbp;
 * the attr is laid out here by hand from {@code linux/perf_event.h} and the syscall made through
 * JNA's generic {@code syscall}. The kernel tests' skip gate trusts this, not the probe: a bug in
 * the probe or the movers must show as a failure, never as a machine that "cannot".
 */
public final class IndependentWatchpointCheck {
    private static final Path BREAKPOINT_PMU = Path.of("/sys/bus/event_source/devices/breakpoint");
    private static final int PERF_TYPE_BREAKPOINT = 5;
    private static final int PERF_ATTR_SIZE_VER5 = 112;
    private static final int HW_BREAKPOINT_W = 2;
    /** flags bits: exclude_kernel (5) and exclude_hv (6), so paranoid 2 lets a user watch its own memory. */
    private static final long EXCLUDE_KERNEL_AND_HV = (1L << 5) | (1L << 6);
    private static final int STORES = 3;

    /** What the check found: the sysfs PMU, an open, and whether stores under it were counted. */
    public record Verdict(boolean pmuInSysfs, boolean opens, boolean fires, String detail) {
        public boolean watchpointsWork() {
            return opens && fires;
        }
    }

    private static Verdict verdict;

    private IndependentWatchpointCheck() {
    }

    public static synchronized Verdict verdict() {
        if (verdict == null) {
            verdict = check();
        }
        return verdict;
    }

    private static Verdict check() {
        boolean inSysfs = Files.isDirectory(BREAKPOINT_PMU);
        long syscallNumber = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 298;
            case "aarch64" -> 241;
            default -> -1;
        };
        if (syscallNumber < 0) {
            return new Verdict(inSysfs, false, false, "no perf_event_open syscall number known for "
                    + System.getProperty("os.arch"));
        }
        Function syscall = Function.getFunction("c", "syscall", Function.THROW_LAST_ERROR);
        try (Memory watched = new Memory(64); Memory attr = new Memory(128); Memory count = new Memory(8)) {
            watched.clear();
            attr.clear();
            attr.setInt(0, PERF_TYPE_BREAKPOINT);           // type
            attr.setInt(4, PERF_ATTR_SIZE_VER5);            // size
            attr.setLong(16, 1);                            // sample_period
            attr.setLong(40, EXCLUDE_KERNEL_AND_HV);        // flags
            attr.setInt(52, HW_BREAKPOINT_W);               // bp_type
            attr.setLong(56, Pointer.nativeValue(watched)); // bp_addr
            attr.setLong(64, 1);                            // bp_len
            int fd;
            try {
                fd = (int) syscall.invokeLong(new Object[] {syscallNumber, attr, 0L, -1L, -1L, 0L});
            } catch (LastErrorException e) {
                return new Verdict(inSysfs, false, false, "a raw perf_event_open of a 1-byte W watchpoint failed: errno "
                        + e.getErrorCode() + (inSysfs ? "" : "; no " + BREAKPOINT_PMU));
            }
            try {
                for (int i = 1; i <= STORES; i++) {
                    watched.setByte(0, (byte) i);
                }
                long got = Function.getFunction("c", "read").invokeLong(new Object[] {fd, count, 8L});
                long counted = got == 8 ? count.getLong(0) : -1;
                boolean fires = counted == STORES;
                return new Verdict(inSysfs, true, fires, "a raw perf_event_open of a 1-byte W watchpoint "
                        + (inSysfs ? "" : "(no " + BREAKPOINT_PMU + ") ") + "opened; " + STORES
                        + " stores under it were counted " + counted + " times"
                        + (fires ? "" : counted > 0 ? ": they fire, but not once per store (an emulator's debug"
                                + " registers may do this; a CPU's do not)" : ": this machine's watchpoints never fire"));
            } finally {
                Function.getFunction("c", "close").invokeInt(new Object[] {fd});
            }
        } catch (LinkageError e) {
            return new Verdict(inSysfs, false, false, "cannot call libc through JNA: " + e.getMessage()
                    + " (JNA " + Native.VERSION + ")");
        }
    }
}
