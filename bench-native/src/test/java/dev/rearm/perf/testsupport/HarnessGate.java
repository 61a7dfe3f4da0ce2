package dev.rearm.perf.testsupport;

import java.nio.file.Path;
import java.util.List;

/**
 * The skip gate of every test that runs the native harness: only the harness's own "cannot here"
 * (exit 3 from a dry run: no breakpoint PMU, paranoid level, seccomp) may skip, it is
 * cross-checked against the {@link IndependentWatchpointCheck}, and REARM_REQUIRE_KERNEL turns it
 * into a failure. A crash, a usage error or a timeout of the dry run fails the test: a broken
 * harness must never read as a machine that cannot.
 */
public final class HarnessGate {
    private static final int CANNOT_HERE = 3;
    private static ChildJvm.Result dryRun;
    private static Path dryRunOf;

    private HarnessGate() {
    }

    /** Skips (or fails) unless {@code perfbpBench} can arm a watchpoint on this machine. */
    public static void assumeWatchpoints(Path perfbpBench) {
        ChildJvm.Result probe = dryRun(perfbpBench);
        String said = probe.stderr().strip();
        if (probe.exit() == CANNOT_HERE && IndependentWatchpointCheck.verdict().opens()) {
            throw new AssertionError("perfbp-bench says no watchpoint can be armed (" + said + "), but "
                    + IndependentWatchpointCheck.verdict().detail() + ": the harness is wrong");
        }
        KernelSupport.skipUnless(probe.exit() != CANNOT_HERE, "this machine cannot arm watchpoints: " + said);
        if (probe.exit() != 0) {
            throw new AssertionError("perfbp-bench moves --dry-run failed: " + probe.describe());
        }
    }

    /** One dry run per test JVM and binary: the machine does not change while the tests run. */
    private static synchronized ChildJvm.Result dryRun(Path perfbpBench) {
        if (dryRun == null || !perfbpBench.equals(dryRunOf)) {
            dryRun = ChildJvm.exec(List.of(perfbpBench.toString(), "moves", "--dry-run"));
            dryRunOf = perfbpBench;
        }
        return dryRun;
    }
}
