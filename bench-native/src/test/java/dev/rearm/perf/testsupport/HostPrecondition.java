package dev.rearm.perf.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.Supplier;

/**
 * A skip for a reason about the host or the test's own set-up, not about what the kernel refuses:
 * not root, no user nobody, one CPU, a JDK without the flag under test, an x86-only fact, a machine
 * unlike the one golden files were recorded on. These are the only skips REARM_REQUIRE_KERNEL
 * allows ({@link RequiredKernelSkips}); a kernel capability goes through
 * {@link KernelSupport#skipUnless} instead, which that switch turns into a failure.
 */
public final class HostPrecondition {
    /** Every allowed skip's reason starts with this, so a report (and the gate) can tell it from a kernel's. */
    public static final String PREFIX = "host precondition: ";

    private HostPrecondition() {
    }

    public static void assume(boolean condition, String reason) {
        assumeTrue(condition, () -> PREFIX + reason);
    }

    public static void assume(boolean condition, Supplier<String> reason) {
        assumeTrue(condition, () -> PREFIX + reason.get());
    }

    /** JUnit's assumptions put "Assumption failed: " before the reason they were given. */
    static boolean allows(String skipReason) {
        return skipReason != null && skipReason.replaceFirst("^Assumption failed: ", "").startsWith(PREFIX);
    }
}
