package dev.rearm.perf.probe;

import com.sun.jna.Native;
import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.event.PerfException;
import dev.rearm.perf.linux.Arch;
import dev.rearm.perf.linux.Errno;
import dev.rearm.perf.linux.Mman;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.scenario.Notify;
import dev.rearm.perf.signal.SigtrapCell;
import dev.rearm.perf.signal.SigtrapSignals;
import dev.rearm.perf.signal.TrapSignals;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointMover;
import dev.rearm.perf.strategy.WatchpointSpec;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds out what this machine supports by trying it: each check opens real watchpoints on the
 * calling thread, stores to them, and closes everything it opened. A check that cannot run
 * says why in its {@code reason}; the probe itself never throws for a refusal.
 */
public final class Probe {
    /** More than any arch has (x86: 4, arm64: up to 16): stops the count if the kernel never refuses. */
    private static final int MAX_SLOTS_TRIED = 32;
    private static final int[] LENGTHS = {1, 2, 4, 8};
    private static final long SIGNAL_WAIT_NANOS = 200_000_000L;
    private static final int NO_OFFSET = -1;

    private final WatchedMemory memory = new WatchedMemory(4096);

    public ProbeReport run() {
        Capability pmu = breakpointPmu();
        // Every later check needs one watchpoint: without it, say so once instead of repeating the errno.
        String notTried = "not tried: no watchpoint could be opened (see breakpointPmu)";
        DebugRegisters registers = pmu.supported() ? debugRegisters() : new DebugRegisters(false, notTried, 0);
        Capability traps = pmu.supported() ? watchpointTraps() : Capability.no(notTried);
        // Modify and signals are checked by trapping: where no trap ever fires they cannot be told apart from refused.
        String unverifiable = "not verified: no watchpoint fires here (see watchpointTraps)";
        Capability modify = pmu.supported() ? modifyAttributes(traps.supported()) : Capability.no(notTried);
        Capability signals = traps.supported() ? signalDelivery() : Capability.no(pmu.supported() ? unverifiable : notTried);
        KernelFeature sigtrap = pmu.supported() ? sigtrap(traps.supported()) : KernelFeature.refused(notTried);
        KernelFeature sigDataModify = !pmu.supported() ? KernelFeature.refused(notTried)
                : sigtrap.accepted() ? sigDataModify(traps.supported())
                : KernelFeature.refused("not tried: attr.sigtrap is refused here (see sigtrap)");
        List<ShapeSupport> shapes = pmu.supported() ? shapes() : List.of();
        return new ProbeReport(
                HostFacts.kernel(),
                System.getProperty("os.arch"),
                HostFacts.cpu(),
                HostFacts.hypervisor(),
                Runtime.getRuntime().availableProcessors(),
                pageSize(),
                HostFacts.paranoid(),
                HostFacts.mlockKb(),
                HostFacts.memlockRlimitKb(),
                System.getProperty("user.name"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Native.VERSION,
                Instant.now().toString(),
                pmu, registers, traps, modify, signals, sigtrap, sigDataModify, shapes,
                LockedMemory.probe(HostFacts.paranoid(), HostFacts.mlockKb(), HostFacts.memlockRlimitKb(), pageSize()));
    }

    /**
     * Whether a store under a watchpoint traps on the calling thread, for a launcher that must
     * refuse a run before its forks find out: {@link #watchpointTraps()}'s answer, or why no
     * watchpoint can be opened at all. Throws a {@link LinkageError} where JNA or libperfbp.so
     * cannot be loaded (the caller decides what that means for it).
     */
    public static Capability storesTrap() {
        Probe probe = new Probe();
        Capability pmu = probe.openOneWatchpoint();
        return pmu.supported() ? probe.watchpointTraps() : Capability.no("no watchpoint can be opened: " + pmu.reason());
    }

    private static int pageSize() {
        try {
            return Mman.pageSize();
        } catch (LinkageError e) {
            return 0;
        }
    }

    Capability breakpointPmu() {
        try {
            return openOneWatchpoint();
        } catch (LinkageError e) {
            return Capability.no("cannot call libc through JNA: " + e.getMessage());
        }
    }

    /** {@link #breakpointPmu()}, throwing where JNA cannot be loaded instead of calling that a refusal. */
    private Capability openOneWatchpoint() {
        try {
            Arch.current();
        } catch (Arch.UnsupportedArchException e) {
            return Capability.no(e.getMessage());
        }
        boolean inSysfs = Files.isDirectory(HostFacts.BREAKPOINT_PMU);
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1);
             PerfEvent event = PerfEvent.open(attr)) {
            return Capability.yes("opened a 1-byte W watchpoint (fd " + event.fd() + ")"
                    + (inSysfs ? "" : "; note: no breakpoint PMU listed in sysfs"));
        } catch (PerfException e) {
            return Capability.no((inSysfs ? "" : "no " + HostFacts.BREAKPOINT_PMU + "; ") + e.getMessage());
        }
    }

    DebugRegisters debugRegisters() {
        List<PerfEvent> opened = new ArrayList<>();
        List<PerfEventAttr> attrs = new ArrayList<>();
        try {
            for (int slot = 0; slot < MAX_SLOTS_TRIED; slot++) {
                PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(slot * 8), 1);
                attrs.add(attr);
                try {
                    opened.add(PerfEvent.open(attr));
                } catch (PerfException e) {
                    if (e.errno() == Errno.ENOSPC && !opened.isEmpty()) {
                        return new DebugRegisters(true, "watchpoint " + (slot + 1)
                                + " was refused with ENOSPC", opened.size());
                    }
                    return new DebugRegisters(false, e.getMessage(), opened.size());
                }
            }
            return new DebugRegisters(true, "the kernel accepted " + MAX_SLOTS_TRIED
                    + " watchpoints without refusing; the count is a lower bound", opened.size());
        } finally {
            opened.forEach(PerfEvent::close);
            attrs.forEach(PerfEventAttr::close);
        }
    }

    /**
     * A store under a freshly armed watchpoint is counted once. Some hypervisors accept the
     * watchpoint (the breakpoint PMU, the debug-register count and perf_event_open all look
     * fine) but never raise its debug exception: every trap count would then be zero.
     */
    Capability watchpointTraps() {
        try (WatchpointMover mover = Strategy.REOPEN.arm(spec(memory.address(192)))) {
            memory.store(192, (byte) 1);
            long traps = mover.trapsCounted();
            if (traps != 1) {
                return Capability.no("a store under an armed watchpoint was counted " + traps + " times instead of 1: "
                        + "this machine accepts watchpoints but does not raise their debug exception (a hypervisor "
                        + "that does not load the guest's debug registers, e.g. a paravirtual VM); nothing that "
                        + "needs a trap can be verified here: run on bare metal or a VM with debug-register support");
            }
            return Capability.yes("a store under an armed watchpoint was counted once");
        } catch (PerfException e) {
            return Capability.no(e.getMessage());
        }
    }

    /** The ioctl is tried even where traps never fire, so a kernel that refuses it still says why. */
    Capability modifyAttributes(boolean trapsFire) {
        try (WatchpointMover mover = Strategy.MODIFY.arm(spec(memory.address(0)))) {
            mover.moveTo(memory.address(64));
            if (!trapsFire) {
                return Capability.no("the modify ioctl returned 0, but whether it moved the watchpoint is not verified: "
                        + "no watchpoint fires here (see watchpointTraps)");
            }
            memory.store(0, (byte) 1);
            memory.store(64, (byte) 1);
            long traps = mover.trapsCounted();
            if (traps != 1) {
                return Capability.no("the modify ioctl succeeded but a store to the new address and one to the "
                        + "old gave " + traps + " traps instead of 1");
            }
            return Capability.yes("moved a watchpoint in place; it trapped at the new address only");
        } catch (PerfException e) {
            return Capability.no(e.getMessage());
        }
    }

    Capability signalDelivery() {
        try {
            TrapSignals.install();
        } catch (LinkageError | RuntimeException e) {
            return Capability.no("cannot load libperfbp.so's signal handler: " + e.getMessage());
        }
        try (WatchpointMover mover = Strategy.REOPEN.arm(WatchpointSpec.headline(memory.address(128))
                .withShape(BreakpointType.W, 1))) {
            long before = TrapSignals.threadCount();
            memory.store(128, (byte) 1);
            long deadline = System.nanoTime() + SIGNAL_WAIT_NANOS;
            while (TrapSignals.threadCount() == before && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            long signals = TrapSignals.threadCount() - before;
            if (signals != 1) {
                return Capability.no("one trap delivered " + signals + " signals (F_SETSIG "
                        + TrapSignals.signal() + ", F_SETOWN_EX to this thread) instead of 1");
            }
            return Capability.yes("one trap delivered one signal " + TrapSignals.signal() + " to the arming thread");
        } catch (PerfException e) {
            return Capability.no(e.getMessage());
        }
    }

    /**
     * attr.sigtrap (Linux 5.13+): perf_event_open accepts a watchpoint with it, and a trap sends
     * one synchronous SIGTRAP to the trapping thread carrying sig_data (the armed address's tag).
     */
    KernelFeature sigtrap(boolean trapsFire) {
        try {
            SigtrapSignals.install();
        } catch (LinkageError | RuntimeException e) {
            return KernelFeature.refused("cannot load libperfbp.so's SIGTRAP handler: " + e.getMessage());
        }
        try (WatchpointMover mover = Strategy.REOPEN.arm(sigtrapSpec(memory.address(320)))) {
            if (!trapsFire) {
                return KernelFeature.unverified();
            }
            return sigtrapCarries(320, NO_OFFSET, "one trap delivered one SIGTRAP (TRAP_PERF) to the trapping thread, "
                    + "si_perf_data = the armed address's tag");
        } catch (PerfException e) {
            return KernelFeature.refused("perf_event_open refused attr.sigtrap (Linux 5.13+ has it): " + e.getMessage());
        }
    }

    /**
     * Since Linux 5.17 the modify ioctl also takes a new sig_data (5.13-5.16 refuse a changed one
     * with EINVAL), so the next SIGTRAP names the new address and none comes from the old one.
     */
    KernelFeature sigDataModify(boolean trapsFire) {
        try (WatchpointMover mover = Strategy.MODIFY.arm(sigtrapSpec(memory.address(384)))) {
            mover.moveTo(memory.address(448));
            if (!trapsFire) {
                return KernelFeature.unverified();
            }
            return sigtrapCarries(448, 384, "after a modify to a new address and tag, a store to the old address sent "
                    + "nothing and one to the new address sent one SIGTRAP with the new tag");
        } catch (PerfException e) {
            return KernelFeature.refused("the modify ioctl refused a new sig_data (Linux 5.17+ takes it; "
                    + "5.13-5.16 refuse it with EINVAL): " + e.getMessage());
        }
    }

    /**
     * Stores at {@code unwatched} (unless {@link #NO_OFFSET}: an address the watchpoint left), then
     * at {@code watched}, and checks that exactly one SIGTRAP came, carrying {@code watched}'s tag.
     */
    private KernelFeature sigtrapCarries(int watched, int unwatched, String success) {
        SigtrapCell cell = SigtrapCell.ofThisThread();
        long before = cell.traps();
        long tag = SigtrapCell.tagOf(memory.address(watched));
        cell.expect(tag);
        if (unwatched != NO_OFFSET) {
            memory.store(unwatched, (byte) 1);
        }
        memory.store(watched, (byte) 1);
        // attr.sigtrap's SIGTRAP is synchronous: it has run before the store's next instruction.
        long received = cell.traps() - before;
        if (received != 1 || cell.lastTag() != tag) {
            return KernelFeature.broken(String.format("one trap delivered %d SIGTRAPs (TRAP_PERF), the last with "
                    + "si_perf_data 0x%x, instead of one with 0x%x", received, cell.lastTag(), tag));
        }
        return KernelFeature.works(success);
    }

    private static WatchpointSpec sigtrapSpec(long address) {
        return new WatchpointSpec(address, BreakpointType.W, 1, Notify.SIGTRAP, 0, true);
    }

    List<ShapeSupport> shapes() {
        List<ShapeSupport> shapes = new ArrayList<>();
        for (BreakpointType type : BreakpointType.values()) {
            for (int length : LENGTHS) {
                try (PerfEventAttr attr = PerfEventAttr.breakpoint(type, memory.address(256), length);
                     PerfEvent ignored = PerfEvent.open(attr)) {
                    shapes.add(new ShapeSupport(type.name(), length, true, "opened"));
                } catch (PerfException e) {
                    shapes.add(new ShapeSupport(type.name(), length, false, e.errnoName()));
                }
            }
        }
        return shapes;
    }

    private static WatchpointSpec spec(long address) {
        return new WatchpointSpec(address, BreakpointType.W, 1, Notify.NONE, 0, true);
    }
}
