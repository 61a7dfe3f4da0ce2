package dev.rearm.perf.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rearm.perf.probe.Capability;
import dev.rearm.perf.probe.KernelFeature;
import dev.rearm.perf.probe.Probe;
import dev.rearm.perf.probe.ProbeReport;
import dev.rearm.perf.strategy.Strategy;

/**
 * Skips a kernel test, with the probe's reason, where this machine refuses what it needs; the
 * probe runs once per test JVM and every check it makes closes what it opened.
 *
 * <p>The probe is built on the code under test, so its "no" is not trusted alone: where the
 * {@link IndependentWatchpointCheck} arms a watchpoint that fires but the probe says watchpoints
 * cannot be opened or never fire, the test fails. With {@code REARM_REQUIRE_KERNEL=1} in the
 * environment (or {@code -Drearm.requireKernel=true}) no kernel test may skip at all: CI sets it
 * on machines whose watchpoints work, so a broken gate cannot turn the kernel tests into skips.
 *
 * <p>A test that needs a trap is tagged {@value #TRAPS_TAG} (on its class or method): where this
 * machine's own watchpoints never fire, CI runs exactly the tagged tests in an emulated guest whose
 * watchpoints do. {@link #assumeTraps()} fails an untagged caller, on every host, so a new trap
 * test cannot be left out of that run.
 */
public final class KernelSupport {
    /** The JUnit tag of every test that needs a store under a watchpoint to trap. */
    public static final String TRAPS_TAG = "traps";
    static final String REQUIRE_ENV = "REARM_REQUIRE_KERNEL";
    static final String REQUIRE_PROPERTY = "rearm.requireKernel";

    private static ProbeReport report;

    private KernelSupport() {
    }

    public static synchronized ProbeReport probe() {
        if (report == null) {
            report = new Probe().run();
        }
        return report;
    }

    /** True when a kernel test must not skip here (REARM_REQUIRE_KERNEL=1 or -Drearm.requireKernel=true). */
    public static boolean kernelRequired() {
        String env = System.getenv(REQUIRE_ENV);
        return "1".equals(env) || "true".equalsIgnoreCase(env) || Boolean.getBoolean(REQUIRE_PROPERTY);
    }

    /** Hardware watchpoints can be opened on this thread. */
    public static void assumeBreakpoints() {
        Capability pmu = probe().breakpointPmu();
        if (!pmu.supported() && IndependentWatchpointCheck.verdict().opens()) {
            fail("the probe says no watchpoint can be opened (" + pmu.reason() + "), but "
                    + IndependentWatchpointCheck.verdict().detail() + ": the probe is wrong");
        }
        assume("breakpoint PMU", pmu);
    }

    /** A store under an armed watchpoint traps here: every test that counts a trap needs it. */
    public static void assumeTraps() {
        requireTrapsTag();
        assumeBreakpoints();
        Capability traps = probe().watchpointTraps();
        if (!traps.supported() && IndependentWatchpointCheck.verdict().fires()) {
            fail("the probe says watchpoints never fire (" + traps.reason() + "), but "
                    + IndependentWatchpointCheck.verdict().detail() + ": the probe or the reopen mover is wrong");
        }
        assume("a trap under a watchpoint", traps);
    }

    /**
     * Where the independent check sees a watchpoint fire, for tests that run the pipeline or the
     * harness as a whole and need no probe of their own: a skip (a failure under
     * REARM_REQUIRE_KERNEL) where none fires.
     */
    public static void assumeIndependentTraps(String whatNeedsThem) {
        requireTrapsTag();
        skipUnless(IndependentWatchpointCheck.verdict().fires(), whatNeedsThem + " needs a watchpoint that fires: "
                + IndependentWatchpointCheck.verdict().detail());
    }

    /**
     * Whether a watchpoint fires here, for a test that checks one behaviour where they fire and
     * another where they never do: its trap branch runs, on a host of the second kind, only in the
     * emulated guest, so such a test must be tagged {@value #TRAPS_TAG} as well.
     */
    public static boolean trapsFireHere() {
        requireTrapsTag();
        return IndependentWatchpointCheck.verdict().fires();
    }

    /** Fails a test that asks for a trap without the tag that puts it in the emulated guest's run. */
    static void requireTrapsTag() {
        requireTrapsTag(RunningTest.tags(), RunningTest.name());
    }

    static void requireTrapsTag(java.util.Set<String> tags, String test) {
        if (!tags.contains(TRAPS_TAG)) {
            fail(test + " needs a trap but is not tagged @Tag(\"" + TRAPS_TAG + "\"): where this machine's watchpoints"
                    + " never fire, only tagged tests run in the emulated guest, so it would run nowhere there");
        }
    }

    /** {@code strategy} can move a watchpoint here and the move can be verified by a trap. */
    public static void assumeStrategy(Strategy strategy) {
        assumeTraps();
        if (strategy == Strategy.MODIFY) {
            assumeModify();
        }
    }

    public static void assumeModify() {
        assumeTraps();
        assume("PERF_EVENT_IOC_MODIFY_ATTRIBUTES", probe().modifyAttributes());
    }

    /** A trap sends one signal to the arming thread (libperfbp's handler counts it). */
    public static void assumeSignals() {
        assumeTraps();
        assume("signal per trap", probe().signalDelivery());
    }

    /**
     * perf_event_open accepts a watchpoint with attr.sigtrap here (Linux 5.13+); whether its
     * SIGTRAP arrives is a separate question ({@link #assumeSigtrap()}). A kernel older than the
     * feature skips even under REARM_REQUIRE_KERNEL: it is not a broken machine.
     */
    public static void assumeSigtrapAccepted() {
        assumeBreakpoints();
        assumeKernelFeature("attr.sigtrap", probe().sigtrap(), 5, 13);
    }

    /** The modify ioctl accepts a new sig_data here (Linux 5.17+). */
    public static void assumeSigDataModifyAccepted() {
        assumeSigtrapAccepted();
        assumeKernelFeature("sig_data through the modify ioctl", probe().sigDataModify(), 5, 17);
    }

    /** A sigtrap watchpoint's trap delivers one SIGTRAP with its tag here. */
    public static void assumeSigtrap() {
        assumeTraps();
        assumeSigtrapAccepted();
        skipUnless(probe().sigtrap().supported(), "sigtrap delivery not usable here: " + probe().sigtrap().reason());
    }

    /** After a modify, the next sigtrap carries the new tag here. */
    public static void assumeSigDataModify() {
        assumeSigtrap();
        assumeModify();
        assumeSigDataModifyAccepted();
        skipUnless(probe().sigDataModify().supported(), "sig_data through modify not usable here: "
                + probe().sigDataModify().reason());
    }

    private static void assumeKernelFeature(String what, KernelFeature feature, int major, int minor) {
        if (!feature.accepted() && KernelVersion.running().olderThan(major, minor)) {
            HostPrecondition.assume(false, what + " needs Linux " + major + "." + minor + "+, this is "
                    + KernelVersion.running() + ": " + feature.reason());
        }
        skipUnless(feature.accepted(), what + " refused here: " + feature.reason());
    }

    /** The number of watchpoints one thread can arm at once, as the probe counted them. */
    public static int debugRegisters() {
        assumeBreakpoints();
        skipUnless(probe().debugRegisters().supported(), "debug registers: " + probe().debugRegisters().reason());
        return probe().debugRegisters().count();
    }

    /**
     * Skips with {@code reason} unless {@code condition}; under REARM_REQUIRE_KERNEL the skip is a
     * failure instead. For kernel capabilities only: a test's own preconditions (root, two CPUs)
     * skip as usual.
     */
    public static void skipUnless(boolean condition, String reason) {
        skipUnless(kernelRequired(), condition, reason);
    }

    static void skipUnless(boolean kernelRequired, boolean condition, String reason) {
        if (!condition && kernelRequired) {
            fail(REQUIRE_ENV + " is set, so this kernel test may not skip, but: " + reason
                    + " (independent check: " + IndependentWatchpointCheck.verdict().detail() + ")");
        }
        assumeTrue(condition, reason);
    }

    private static void assume(String what, Capability capability) {
        skipUnless(capability.supported(), what + " not usable here: " + capability.reason());
    }
}
