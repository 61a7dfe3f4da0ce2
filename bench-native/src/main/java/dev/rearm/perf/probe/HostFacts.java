package dev.rearm.perf.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Facts read from /proc and /sys: never fails, answers null (or "unknown") where a file is missing. */
final class HostFacts {
    private HostFacts() {
    }

    static final Path BREAKPOINT_PMU = Path.of("/sys/bus/event_source/devices/breakpoint");

    static String kernel() {
        String release = read("/proc/sys/kernel/osrelease");
        return release == null ? "unknown" : release;
    }

    static String cpu() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name") || line.startsWith("Model") || line.startsWith("Hardware")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    /** x86 sets the "hypervisor" cpuid flag in a guest; elsewhere look for a DMI/device-tree hint. */
    static boolean hypervisor() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("flags") && (" " + line + " ").contains(" hypervisor ")) {
                return true;
            }
        }
        String vendor = read("/sys/class/dmi/id/sys_vendor");
        if (vendor != null) {
            String v = vendor.toLowerCase(Locale.ROOT);
            return v.contains("qemu") || v.contains("kvm") || v.contains("vmware") || v.contains("xen")
                    || v.contains("amazon") || v.contains("firecracker") || v.contains("microsoft");
        }
        return Files.exists(Path.of("/proc/xen"));
    }

    static Integer paranoid() {
        String value = read("/proc/sys/kernel/perf_event_paranoid");
        return value == null ? null : Integer.valueOf(value);
    }

    static Long mlockKb() {
        String value = read("/proc/sys/kernel/perf_event_mlock_kb");
        return value == null ? null : Long.valueOf(value);
    }

    /** RLIMIT_MEMLOCK soft limit in KiB from /proc/self/limits; -1 for unlimited, null if unknown. */
    static Long memlockRlimitKb() {
        for (String line : lines("/proc/self/limits")) {
            if (line.startsWith("Max locked memory")) {
                String[] fields = line.substring("Max locked memory".length()).trim().split("\\s+");
                return "unlimited".equals(fields[0]) ? -1L : Long.parseLong(fields[0]) / 1024;
            }
        }
        return null;
    }

    private static String read(String path) {
        try {
            // Not readString/readAllBytes: on sysctl files they size the read from st_size (0) and
            // can return a truncated value ("5" for "516"); line reads go to EOF.
            return String.join("\n", Files.readAllLines(Path.of(path))).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
