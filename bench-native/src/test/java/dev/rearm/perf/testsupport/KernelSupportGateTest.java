package dev.rearm.perf.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getenv(KernelSupport.REQUIRE_ENV) != null
                && !"0".equals(System.getenv(KernelSupport.REQUIRE_ENV)), "REARM_REQUIRE_KERNEL is set for this JVM");
        System.setProperty(KernelSupport.REQUIRE_PROPERTY, "false");
        assertThatThrownBy(() -> KernelSupport.skipUnless(false, "no breakpoint PMU in this test"))
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

    /** The independent check always answers, and says what it did, on any machine. */
    @Test
    void theIndependentCheckSaysWhatItFound() {
        IndependentWatchpointCheck.Verdict verdict = IndependentWatchpointCheck.verdict();
        org.assertj.core.api.Assertions.assertThat(verdict.detail()).isNotBlank();
        if (verdict.fires()) {
            org.assertj.core.api.Assertions.assertThat(verdict.opens()).isTrue();
        }
    }
}
