package dev.rearm.perf.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rearm.perf.probe.Capability;
import dev.rearm.perf.probe.Probe;
import dev.rearm.perf.probe.ProbeReport;
import dev.rearm.perf.strategy.Strategy;

/**
 * Skips a kernel test, with the probe's reason, where this machine refuses what it needs.
 * The probe runs once per test JVM; every check it makes closes what it opened.
 */
public final class KernelSupport {
    private static ProbeReport report;

    private KernelSupport() {
    }

    public static synchronized ProbeReport probe() {
        if (report == null) {
            report = new Probe().run();
        }
        return report;
    }

    /** Hardware watchpoints can be opened on this thread. */
    public static void assumeBreakpoints() {
        assume("breakpoint PMU", probe().breakpointPmu());
    }

    /** {@code strategy} can move a watchpoint here (modify also needs the 4.17 ioctl). */
    public static void assumeStrategy(Strategy strategy) {
        assumeBreakpoints();
        if (strategy == Strategy.MODIFY) {
            assumeModify();
        }
    }

    public static void assumeModify() {
        assumeBreakpoints();
        assume("PERF_EVENT_IOC_MODIFY_ATTRIBUTES", probe().modifyAttributes());
    }

    /** A trap sends one signal to the arming thread (libperfbp's handler counts it). */
    public static void assumeSignals() {
        assumeBreakpoints();
        assume("signal per trap", probe().signalDelivery());
    }

    /** The number of watchpoints one thread can arm at once, as the probe counted them. */
    public static int debugRegisters() {
        assumeBreakpoints();
        assumeTrue(probe().debugRegisters().supported(), "debug registers: " + probe().debugRegisters().reason());
        return probe().debugRegisters().count();
    }

    private static void assume(String what, Capability capability) {
        assumeTrue(capability.supported(), () -> what + " not usable here: " + capability.reason());
    }
}
