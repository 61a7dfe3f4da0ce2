package dev.rearm.perf.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The kernel tests' skip gate: a skip, or under REARM_REQUIRE_KERNEL a failure, never silence. */
class KernelSupportGateTest {
    private final String before = System.getProperty(KernelSupport.REQUIRE_PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(KernelSupport.REQUIRE_PROPERTY);
        } else {
            System.setProperty(KernelSupport.REQUIRE_PROPERTY, before);
        }
    }

    @Test
    void aMissingCapabilitySkipsWithItsReasonWhenTheKernelIsNotRequired() {
        assertThatThrownBy(() -> KernelSupport.skipUnless(false, false, "no breakpoint PMU in this test"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no breakpoint PMU in this test");
    }

    @Test
    void aMissingCapabilityFailsTheTestWhenTheKernelIsRequired() {
        System.setProperty(KernelSupport.REQUIRE_PROPERTY, "true");
        assertThatThrownBy(() -> KernelSupport.skipUnless(false, "no breakpoint PMU in this test"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("REARM_REQUIRE_KERNEL is set, so this kernel test may not skip")
                .hasMessageContaining("no breakpoint PMU in this test")
                .hasMessageContaining("independent check:");
    }

    @Test
    void aCapabilityThatIsThereNeitherSkipsNorFails() {
        System.setProperty(KernelSupport.REQUIRE_PROPERTY, "true");
        assertThatCode(() -> KernelSupport.skipUnless(true, "unused")).doesNotThrowAnyException();
    }

    /**
     * The independent check always answers, on any machine, and what it says is what it decided:
     * an open states the stores and the count it read, and "fires" is that count equal to the
     * stores; a failed open states why and claims no count. The skip messages quote this detail.
     */
    @Test
    void theIndependentChecksDetailStatesWhatItsVerdictWasDecidedOn() {
        IndependentWatchpointCheck.Verdict verdict = IndependentWatchpointCheck.verdict();
        String detail = verdict.detail();
        Matcher counted = Pattern.compile("opened; (\\d+) stores under it were counted (-?\\d+) times").matcher(detail);

        assertThat(verdict.pmuInSysfs()).as("the PMU in sysfs")
                .isEqualTo(Files.isDirectory(Path.of("/sys/bus/event_source/devices/breakpoint")));
        if (verdict.opens()) {
            assertThat(counted.find()).as(detail).isTrue();
            assertThat(verdict.fires()).as(detail).isEqualTo(counted.group(1).equals(counted.group(2)));
            if (verdict.fires()) {
                assertThat(detail).endsWith(" times");
            } else {
                assertThat(detail).as("a verdict of no trap says so").containsAnyOf("watchpoints never fire",
                        "not once per store");
            }
        } else {
            assertThat(verdict.fires()).as("no trap without an open: %s", detail).isFalse();
            assertThat(counted.find()).as(detail).isFalse();
            assertThat(detail).containsAnyOf("perf_event_open of a 1-byte W watchpoint failed: errno",
                    "no perf_event_open syscall number known", "cannot call libc through JNA");
        }
    }

    @Test
    void aTestThatNeedsATrapButIsNotTaggedFailsWhereverItRuns() {
        assertThatThrownBy(() -> KernelSupport.requireTrapsTag(java.util.Set.of("soak"), "[a test]"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("[a test] needs a trap but is not tagged @Tag(\"traps\")");
        assertThatCode(() -> KernelSupport.requireTrapsTag(java.util.Set.of("soak", "traps"), "[a test]"))
                .doesNotThrowAnyException();
    }

    @Test
    void underRequireKernelOnlyAHostPreconditionMaySkip() {
        TestAbortedException plain = new TestAbortedException("Assumption failed: no breakpoint PMU");
        TestAbortedException host = new TestAbortedException("Assumption failed: " + HostPrecondition.PREFIX
                + "runs only as root");
        org.assertj.core.api.Assertions.assertThat(RequiredKernelSkips.judged(true, plain))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("may skip only for a host precondition").hasMessageContaining("no breakpoint PMU");
        org.assertj.core.api.Assertions.assertThat(RequiredKernelSkips.judged(true, host)).isSameAs(host);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HostPrecondition.assume(false, "runs only as root"))
                .satisfies(skip -> org.assertj.core.api.Assertions.assertThat(RequiredKernelSkips.judged(true, skip))
                        .isSameAs(skip));
        org.assertj.core.api.Assertions.assertThat(RequiredKernelSkips.judged(false, plain)).isSameAs(plain);
        IllegalStateException bug = new IllegalStateException("a bug");
        org.assertj.core.api.Assertions.assertThat(RequiredKernelSkips.judged(true, bug)).isSameAs(bug);
    }
}
