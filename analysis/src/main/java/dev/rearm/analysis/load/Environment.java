package dev.rearm.analysis.load;

import java.util.List;

/**
 * The machine a run was made on, as the probe wrote it to env.json (bench-native's ProbeReport
 * shape, read by key names only). Any field may be null when the file does not say.
 *
 * @param source         where these facts came from ("env.json", "native.json env block", or
 *                       "unknown: ..." when neither was there)
 * @param debugRegisters watchpoints one thread can arm at once, as the probe counted them
 * @param capabilities   every top-level object of env.json with a "supported" flag (breakpoint
 *                       PMU, modify ioctl, signal delivery, debug registers ...), in file order
 */
public record Environment(String source, String kernel, String arch, String cpu, Boolean hypervisor,
                          Integer nproc, Integer pageSize, Integer paranoid, Long mlockKb, String user,
                          String jvm, String jna, String probedAt, Integer debugRegisters,
                          List<Capability> capabilities, List<ShapeSupport> shapes) {

    /** One thing the probe tried, and what it found. */
    public record Capability(String name, boolean supported, String reason) {
    }

    /** Whether the CPU accepts a watchpoint of this type and length. */
    public record ShapeSupport(String bpType, int bpLen, boolean supported, String reason) {
    }

    public static Environment unknown(String why) {
        return new Environment("unknown: " + why, null, null, null, null, null, null, null, null, null,
                null, null, null, null, List.of(), List.of());
    }
}
