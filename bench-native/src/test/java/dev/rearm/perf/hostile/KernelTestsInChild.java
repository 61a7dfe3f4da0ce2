package dev.rearm.perf.hostile;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A child JVM's main: runs the named test classes with the JUnit Platform and prints one line
 * per test, {@code OUTCOME<TAB>test<TAB>reason}, where OUTCOME is SUCCESSFUL, ABORTED (an
 * assumption skipped it) or FAILED. The parent reads these lines to see how the kernel tests
 * behave on a kernel that refuses (they must skip with the probe's reason, never fail).
 */
public final class KernelTestsInChild {
    private KernelTestsInChild() {
    }

    public static void main(String[] testClasses) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(testClasses).map(name -> selectClass(name)).toList())
                // As under Maven: the test support's extensions (the trap tag check, the skip rule).
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                // A container fails when a whole class cannot run: that must show as well.
                if (test.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED) {
                    String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
                    System.out.println(result.getStatus() + "\t" + test.getUniqueId() + "\t"
                            + reason.replace('\n', ' '));
                }
            }

            @Override
            public void executionSkipped(TestIdentifier test, String reason) {
                System.out.println("DISABLED\t" + test.getUniqueId() + "\t" + reason);
            }
        });
    }
}
