package dev.rearm.perf.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe's terminal table, rendered from reports built by hand (a capable and an incapable machine). */
class ProbeTableTest {

    private static ProbeReport report(Capability pmu, DebugRegisters registers, Capability modify,
                                      Capability signals, List<ShapeSupport> shapes, Long memlockRlimitKb) {
        return report(pmu, registers, Capability.yes("a store under an armed watchpoint was counted once"), modify,
                signals, shapes, memlockRlimitKb);
    }

    private static ProbeReport report(Capability pmu, DebugRegisters registers, Capability traps, Capability modify,
                                      Capability signals, List<ShapeSupport> shapes, Long memlockRlimitKb) {
        KernelFeature sigtrap = traps.supported() ? KernelFeature.works("one SIGTRAP with the tag")
                : KernelFeature.unverified();
        KernelFeature sigData = traps.supported() ? KernelFeature.works("the new tag after a modify")
                : KernelFeature.unverified();
        return report(pmu, registers, traps, modify, signals, sigtrap, sigData, shapes, memlockRlimitKb);
    }

    private static ProbeReport report(Capability pmu, DebugRegisters registers, Capability traps, Capability modify,
                                      Capability signals, KernelFeature sigtrap, KernelFeature sigData,
                                      List<ShapeSupport> shapes, Long memlockRlimitKb) {
        return new ProbeReport("6.18.0-test", "amd64", "Test CPU", true, 2, 4096, 2, 516L, memlockRlimitKb,
                "tester", "Test VM 17", "5.19.1", "2026-01-01T00:00:00Z", pmu, registers, traps, modify, signals,
                sigtrap, sigData, shapes,
                new LockedMemory(false, "perf_event_mlock_kb 516 KiB x 2 online CPUs per user, then RLIMIT_MEMLOCK 8192 KiB",
                        9224L, 1032L, 8192L, 2));
    }

    private static ProbeReport capable() {
        return report(Capability.yes("opened a watchpoint"),
                new DebugRegisters(true, "watchpoint 5 was refused with ENOSPC", 4),
                Capability.yes("moved in place"), Capability.yes("one signal per trap"),
                List.of(new ShapeSupport("W", 1, true, "opened"), new ShapeSupport("RW", 8, true, "opened"),
                        new ShapeSupport("R", 1, false, "EINVAL")),
                8192L);
    }

    @Test
    void capableMachineGetsYesLinesAndTheRunnableVerdict() {
        String table = ProbeTable.render(capable());
        assertThat(table)
                .contains("kernel                 6.18.0-test")
                .contains("Test CPU (virtual machine)")
                .contains("2 / 4096 bytes")
                .contains("516 KiB (RLIMIT_MEMLOCK 8192 KiB)")
                .contains("ring memory limit      9224 KiB (perf_event_mlock_kb 516 KiB x 2 online CPUs")
                .contains("breakpoint PMU         yes  opened a watchpoint")
                .contains("debug registers        yes  4 usable; watchpoint 5 was refused with ENOSPC")
                .contains("modify ioctl           yes  moved in place")
                .contains("signal per trap        yes  one signal per trap")
                .contains("sigtrap                yes  one SIGTRAP with the tag")
                .contains("sig_data by modify     yes  the new tag after a modify")
                .contains("shapes accepted        W/1 RW/8")
                .contains("shapes refused         R/1 EINVAL")
                .contains("verdict: this machine can run every strategy of the headline scenario")
                .doesNotContain("NO ");
    }

    @Test
    void incapableMachineGetsNoLinesWithReasonsAndNoShapes() {
        String reason = "perf_event_open failed with ENOENT: no breakpoint PMU";
        ProbeReport report = report(Capability.no(reason), new DebugRegisters(false, reason, 0),
                Capability.no(reason), Capability.no(reason), List.of(), null);
        String table = ProbeTable.render(report);
        assertThat(table)
                .contains("breakpoint PMU         NO   " + reason)
                .contains("debug registers        NO   0 usable; " + reason)
                .contains("modify ioctl           NO   " + reason)
                .contains("RLIMIT_MEMLOCK unknown")
                .contains("verdict: no watchpoint can be opened here")
                .doesNotContain("shapes accepted");
    }

    /** Modify missing (kernel before 4.17) alone is enough to refuse the headline verdict. */
    @Test
    void missingModifyAloneMakesTheHeadlineUnrunnable() {
        ProbeReport full = capable();
        ProbeReport noModify = report(full.breakpointPmu(), full.debugRegisters(),
                Capability.no("ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES) failed with ENOTTY"),
                full.signalDelivery(), full.shapes(), -1L);
        assertThat(noModify.headlineRunnable()).isFalse();
        assertThat(ProbeTable.render(noModify))
                .contains("modify ioctl           NO   ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES) failed with ENOTTY")
                .contains("RLIMIT_MEMLOCK unlimited")
                .contains("verdict: only the reopen strategy can run here");
    }

    /** A hypervisor that accepts watchpoints but never raises their exception: nothing that traps can run. */
    @Test
    void watchpointsThatNeverFireMakeTheHeadlineUnrunnableAndSaySo() {
        ProbeReport full = capable();
        String never = "a store under an armed watchpoint was counted 0 times instead of 1";
        String unverifiable = "not verified: no watchpoint fires here (see watchpointTraps)";
        ProbeReport silent = report(full.breakpointPmu(), full.debugRegisters(), Capability.no(never),
                Capability.no(unverifiable), Capability.no(unverifiable), full.shapes(), 8192L);
        assertThat(silent.headlineRunnable()).isFalse();
        assertThat(ProbeTable.render(silent))
                .contains("breakpoint PMU         yes  opened a watchpoint")
                .contains("traps fire             NO   " + never)
                .contains("modify ioctl           NO   " + unverifiable)
                .contains("sigtrap                NO   accepted; delivery not verified: no watchpoint fires here "
                        + "(see watchpointTraps)")
                .contains("sig_data by modify     NO   accepted; delivery not verified")
                .contains("verdict: watchpoints open here but never fire");
    }

    /** An old kernel (before 5.13) refuses attr.sigtrap: the headline (notify none and signal) still runs. */
    @Test
    void aRefusedSigtrapIsANoLineAndLeavesTheHeadlineRunnable() {
        ProbeReport full = capable();
        String refused = "perf_event_open refused attr.sigtrap (Linux 5.13+ has it): perf_event_open failed with E2BIG";
        ProbeReport old = report(full.breakpointPmu(), full.debugRegisters(), full.watchpointTraps(),
                full.modifyAttributes(), full.signalDelivery(), KernelFeature.refused(refused),
                KernelFeature.refused("not tried: attr.sigtrap is refused here (see sigtrap)"), full.shapes(), 8192L);
        assertThat(old.headlineRunnable()).isTrue();
        assertThat(ProbeTable.render(old))
                .contains("sigtrap                NO   " + refused)
                .contains("sig_data by modify     NO   not tried: attr.sigtrap is refused here (see sigtrap)");
    }
}
