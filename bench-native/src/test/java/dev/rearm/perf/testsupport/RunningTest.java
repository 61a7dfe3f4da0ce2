package dev.rearm.perf.testsupport;

import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Remembers the tags of the test (or test class) JUnit is running, so that
 * {@link KernelSupport#assumeTraps()} can refuse a test that needs a trap but is not tagged
 * {@value KernelSupport#TRAPS_TAG}: only tagged tests run where a trap can be had on a host whose
 * own watchpoints never fire (the emulated guest), so an untagged one would never run anywhere
 * there. Registered for every test by JUnit's extension auto-detection (META-INF/services).
 */
public final class RunningTest implements BeforeAllCallback, BeforeEachCallback {
    private static volatile Set<String> tags = Set.of();
    private static volatile String name = "(no test)";

    @Override
    public void beforeAll(ExtensionContext context) {
        record(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        record(context);
    }

    private static void record(ExtensionContext context) {
        tags = Set.copyOf(context.getTags());
        name = context.getUniqueId();
    }

    static Set<String> tags() {
        return tags;
    }

    static String name() {
        return name;
    }
}
