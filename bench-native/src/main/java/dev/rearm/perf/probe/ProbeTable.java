package dev.rearm.perf.probe;

import java.util.stream.Collectors;

/** The probe as a table a person reads at a terminal. */
public final class ProbeTable {
    private ProbeTable() {
    }

    public static String render(ProbeReport r) {
        StringBuilder out = new StringBuilder();
        row(out, "kernel", r.kernel());
        row(out, "arch", r.arch());
        row(out, "cpu", r.cpu() + (r.hypervisor() ? " (virtual machine)" : ""));
        row(out, "cpus / page size", r.nproc() + " / " + r.pageSize() + " bytes");
        row(out, "perf_event_paranoid", String.valueOf(r.paranoid()));
        row(out, "perf_event_mlock_kb", r.mlockKb() + " KiB (RLIMIT_MEMLOCK "
                + (r.memlockRlimitKb() == null ? "unknown" : r.memlockRlimitKb() < 0 ? "unlimited"
                : r.memlockRlimitKb() + " KiB") + ")");
        if (r.lockedMemory() != null) {
            row(out, "ring memory limit", r.lockedMemory().exempt() ? "none: " + r.lockedMemory().reason()
                    : r.lockedMemory().limitKb() + " KiB (" + r.lockedMemory().reason() + ")");
        }
        row(out, "user / jvm", r.user() + " / " + r.jvm());
        out.append('\n');
        check(out, "breakpoint PMU", r.breakpointPmu());
        check(out, "debug registers", new Capability(r.debugRegisters().supported(),
                r.debugRegisters().count() + " usable; " + r.debugRegisters().reason()));
        check(out, "traps fire", r.watchpointTraps());
        check(out, "modify ioctl", r.modifyAttributes());
        check(out, "signal per trap", r.signalDelivery());
        check(out, "sigtrap", r.sigtrap().asCapability());
        check(out, "sig_data by modify", r.sigDataModify().asCapability());
        if (!r.shapes().isEmpty()) {
            row(out, "shapes accepted", r.shapes().stream().filter(ShapeSupport::supported)
                    .map(s -> s.bpType() + "/" + s.bpLen()).collect(Collectors.joining(" ")));
            row(out, "shapes refused", r.shapes().stream().filter(s -> !s.supported())
                    .map(s -> s.bpType() + "/" + s.bpLen() + " " + s.reason()).collect(Collectors.joining(", ")));
        }
        out.append('\n').append("verdict: ").append(verdict(r)).append('\n');
        return out.toString();
    }

    static String verdict(ProbeReport r) {
        if (r.headlineRunnable()) {
            return "this machine can run every strategy of the headline scenario";
        }
        if (!r.breakpointPmu().supported()) {
            return "no watchpoint can be opened here, so nothing can be measured; see breakpoint PMU above";
        }
        if (!r.watchpointTraps().supported()) {
            return "watchpoints open here but never fire, so no move and no trap can be verified; see traps fire above";
        }
        if (!r.modifyAttributes().supported()) {
            return "only the reopen strategy can run here (the modify ioctl is refused); see above";
        }
        return "the headline scenario cannot run as specified; see the 'NO' lines above";
    }

    private static void row(StringBuilder out, String key, String value) {
        out.append(String.format("%-22s %s%n", key, value));
    }

    private static void check(StringBuilder out, String key, Capability c) {
        row(out, key, (c.supported() ? "yes  " : "NO   ") + c.reason());
    }
}
