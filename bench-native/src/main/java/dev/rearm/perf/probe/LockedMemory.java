package dev.rearm.perf.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How much ring buffer this user may map, as perf_mmap() charges it: a ring of P data pages
 * locks P + 1 pages, charged to the user's share of {@code perf_event_mlock_kb} (per online CPU,
 * all the user's processes together), the rest to the process's RLIMIT_MEMLOCK. No limit applies
 * with CAP_IPC_LOCK (root) or perf_event_paranoid -1. The native harness computes the same
 * (bench/memlock.c); the JMH pipeline leaves out the ring sizes that cannot fit.
 *
 * @param exempt  true when the kernel checks no limit for this process ({@code reason} says why)
 * @param limitKb what one process of this user may lock, in KiB; null when exempt
 */
public record LockedMemory(boolean exempt, String reason, Long limitKb, Long perfKb, Long rlimitKb, int onlineCpus) {
    private static final int CAP_IPC_LOCK = 14;

    static LockedMemory probe(Integer paranoid, Long mlockKb, Long rlimitKb, int pageSize) {
        int cpus = countOnlineCpus();
        if (hasCapIpcLock()) {
            return exempt("CAP_IPC_LOCK (root): perf checks no locked-memory limit", cpus);
        }
        if (paranoid != null && paranoid == -1) {
            return exempt("perf_event_paranoid is -1: perf checks no locked-memory limit", cpus);
        }
        if (rlimitKb == null || rlimitKb < 0) {
            return exempt("RLIMIT_MEMLOCK is " + (rlimitKb == null ? "unknown" : "unlimited"), cpus);
        }
        if (mlockKb == null || pageSize < 1024) {
            return exempt("perf_event_mlock_kb or the page size is unknown: mmap will say", cpus);
        }
        long pageKb = pageSize / 1024;
        long perf = mlockKb / pageKb * pageKb * cpus; // the kernel rounds each part down to whole pages
        long rlimit = rlimitKb / pageKb * pageKb;
        return new LockedMemory(false, "perf_event_mlock_kb " + mlockKb + " KiB x " + cpus + " online CPUs per user, "
                + "then RLIMIT_MEMLOCK " + rlimitKb + " KiB", perf + rlimit, perf, rlimit, cpus);
    }

    private static LockedMemory exempt(String reason, int cpus) {
        return new LockedMemory(true, reason, null, null, null, cpus);
    }

    /** KiB a scenario's rings lock at once: one ring per slot per thread. */
    public static long neededKb(int pages, int slots, int threads, int pageSize) {
        return (long) threads * slots * (pages + 1) * (pageSize / 1024);
    }

    /** Null when it fits, else "needs N KiB locked, limit is M KiB". */
    public String refusal(long neededKb) {
        return exempt || limitKb == null || neededKb <= limitKb ? null
                : "needs " + neededKb + " KiB locked, limit is " + limitKb + " KiB (" + reason
                        + "; root or CAP_IPC_LOCK is exempt)";
    }

    private static boolean hasCapIpcLock() {
        for (String line : lines("/proc/self/status")) {
            if (line.startsWith("CapEff:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) >>> CAP_IPC_LOCK & 1) == 1;
            }
        }
        return false;
    }

    /** "0-1,4" -> 3. */
    static int countOnlineCpus() {
        List<String> online = lines("/sys/devices/system/cpu/online");
        if (online.isEmpty()) {
            return Runtime.getRuntime().availableProcessors();
        }
        int count = 0;
        for (String range : online.get(0).trim().split(",")) {
            String[] ends = range.split("-");
            count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return count;
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
