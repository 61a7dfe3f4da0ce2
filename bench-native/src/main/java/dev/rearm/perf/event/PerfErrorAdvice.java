package dev.rearm.perf.event;

import static dev.rearm.perf.linux.Errno.E2BIG;
import static dev.rearm.perf.linux.Errno.EACCES;
import static dev.rearm.perf.linux.Errno.EINVAL;
import static dev.rearm.perf.linux.Errno.EMFILE;
import static dev.rearm.perf.linux.Errno.ENODEV;
import static dev.rearm.perf.linux.Errno.ENOENT;
import static dev.rearm.perf.linux.Errno.ENOMEM;
import static dev.rearm.perf.linux.Errno.ENOSPC;
import static dev.rearm.perf.linux.Errno.ENOSYS;
import static dev.rearm.perf.linux.Errno.ENOTTY;
import static dev.rearm.perf.linux.Errno.EOPNOTSUPP;
import static dev.rearm.perf.linux.Errno.EPERM;

import dev.rearm.perf.linux.Errno;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns (call, errno) into a sentence that says what went wrong and what to do. */
final class PerfErrorAdvice {
    private PerfErrorAdvice() {
    }

    static String message(PerfOperation operation, int errno, String detail) {
        String head = operation.call() + " failed with " + Errno.name(errno)
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        return head + ": " + advice(operation, errno);
    }

    static String advice(PerfOperation operation, int errno) {
        if (operation == PerfOperation.MMAP) {
            return mmapAdvice(errno);
        }
        switch (errno) {
            case EACCES:
            case EPERM:
                return permissionAdvice(paranoid());
            case ENOENT:
            case ENODEV:
                return operation == PerfOperation.OPEN
                        ? "this kernel has no hardware breakpoint PMU (no /sys/bus/event_source/devices/breakpoint): "
                        + "typical of containers and of VMs that do not expose debug registers; run on bare "
                        + "metal or a VM with debug-register support"
                        : "the event or mapping is gone";
            case EOPNOTSUPP:
                return operation == PerfOperation.OPEN
                        ? "the breakpoint PMU refuses this event (no hardware breakpoint support here: "
                        + "typical of containers and some VMs)"
                        : "the kernel cannot modify this kind of event in place: "
                        + "PERF_EVENT_IOC_MODIFY_ATTRIBUTES works on breakpoint events only";
            case ENOSPC:
                return "every debug register is in use (x86 has 4, shared by all watchpoints of this thread "
                        + "and by debuggers attached to it); close a watchpoint or run with fewer slots";
            case E2BIG:
                return "the kernel does not accept perf_event_attr.size " + PerfEventAttr.SIZE
                        + " with non-zero fields it does not know; the kernel is older than the header rearm was built for";
            case ENOTTY:
                return operation == PerfOperation.MODIFY
                        ? "this kernel does not know PERF_EVENT_IOC_MODIFY_ATTRIBUTES: it needs Linux 4.17 or newer "
                        + "(commit 32ff77e8cc); only the reopen strategy can run here"
                        : "the fd is not a perf event";
            case EINVAL:
                if (operation == PerfOperation.MODIFY) {
                    return "the kernel accepts a modify that changes only bp_addr, bp_type, bp_len and disabled, "
                            + "to a breakpoint this CPU supports; some other field differs from the event's attr, "
                            + "or the new address/length/type is refused (the watchpoint stays armed where it was)";
                }
                if (operation == PerfOperation.OPEN) {
                    return "this CPU refuses the breakpoint's length, alignment or type (x86: bp_len 1, 2, 4 or 8, "
                            + "the address aligned to bp_len, no read-only R watchpoints; X uses sizeof(long))";
                }
                return "invalid argument";
            case ENOMEM:
            case EMFILE:
                return "out of memory or file descriptors";
            case ENOSYS:
                return "perf_event_open is not implemented or is blocked by a seccomp filter (containers)";
            default:
                return "unexpected error from the kernel";
        }
    }

    /**
     * At paranoid 2 or lower the paranoid check lets a user watch its own user-space memory, so
     * then the refusal comes from elsewhere (most often a container's seccomp profile, which
     * answers EPERM): saying "lower paranoid" there would send the user the wrong way.
     */
    static String permissionAdvice(String paranoid) {
        Integer level = parseInt(paranoid);
        if (level != null && level <= 2) {
            return "the kernel does not let this process open perf events although perf_event_paranoid is "
                    + paranoid + ", which allows watching one's own user-space memory: something else refuses, "
                    + "most often a container's seccomp profile (Docker's default answers EPERM) or a security "
                    + "module (SELinux, AppArmor, lockdown); allow perf_event_open there, or run outside it, "
                    + "as root or with CAP_PERFMON";
        }
        return "the kernel does not let this user open perf events; perf_event_paranoid is "
                + paranoid + " (2 or lower lets a user watch its own user-space memory; "
                + "3 or more, as some distributions patch it, needs CAP_PERFMON or root). "
                + "Lower it with 'sysctl kernel.perf_event_paranoid=2', run as root, or grant "
                + "CAP_PERFMON; in a container, the seccomp profile may also block perf_event_open";
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** perf_mmap refuses an over-limit ring with EPERM, a bad size with EINVAL. */
    private static String mmapAdvice(int errno) {
        switch (errno) {
            case EPERM:
            case ENOMEM:
                return "the ring buffer does not fit the locked-memory limit (perf_event_mlock_kb is "
                        + mlockKb() + " KiB per user, beyond that RLIMIT_MEMLOCK applies; root or "
                        + "CAP_IPC_LOCK is exempt); use fewer pages or raise the limit";
            case EINVAL:
                return "the ring's data pages must be a power of two (mmap length = (1 + pages) x page size)";
            default:
                return "unexpected error from the kernel";
        }
    }

    private static String paranoid() {
        return readProc("/proc/sys/kernel/perf_event_paranoid");
    }

    private static String mlockKb() {
        return readProc("/proc/sys/kernel/perf_event_mlock_kb");
    }

    private static String readProc(String path) {
        try {
            // Not readString/readAllBytes: on sysctl files they size the read from st_size (0) and
            // can return a truncated value ("5" for "516"); line reads go to EOF.
            return String.join("\n", Files.readAllLines(Path.of(path))).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
