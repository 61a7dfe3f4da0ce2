package dev.rearm.perf.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Under REARM_REQUIRE_KERNEL, a test may skip only for a {@link HostPrecondition}: any other
 * skip (a plain {@code assumeTrue}, a helper that forgot the kernel gate) fails the test instead,
 * so a host that can run every kernel test cannot quietly run fewer. Registered for every test by
 * JUnit's extension auto-detection (META-INF/services).
 */
public final class RequiredKernelSkips implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw judged(thrown);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw judged(thrown);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw judged(thrown);
    }

    static Throwable judged(Throwable thrown) {
        return judged(KernelSupport.kernelRequired(), thrown);
    }

    static Throwable judged(boolean kernelRequired, Throwable thrown) {
        if (!kernelRequired || !(thrown instanceof TestAbortedException) || HostPrecondition.allows(thrown.getMessage())) {
            return thrown;
        }
        AssertionFailedError failure = new AssertionFailedError(KernelSupport.REQUIRE_ENV + " is set, so a test may"
                + " skip only for a host precondition (\"" + HostPrecondition.PREFIX + "…\"), but this one skipped: "
                + thrown.getMessage());
        failure.addSuppressed(thrown);
        return failure;
    }
}
