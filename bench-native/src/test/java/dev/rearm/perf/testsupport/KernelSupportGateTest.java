package dev.rearm.perf.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

        assertThat(verdict.pmuInSysfs()).as("the PMU in sysfs")
                .isEqualTo(Files.isDirectory(Path.of("/sys/bus/event_source/devices/breakpoint")));
        if (verdict.fires()) {
            Matcher counted = Pattern.compile("opens and fires \\((\\d+) stores, (-?\\d+) counted\\)").matcher(detail);
            assertThat(counted.find()).as(detail).isTrue();
            assertThat(counted.group(2)).as(detail).isEqualTo(counted.group(1));
        } else if (verdict.opens()) {
            Matcher counted = Pattern.compile("(\\d+) stores under it were counted (-?\\d+) times").matcher(detail);
            assertThat(counted.find()).as(detail).isTrue();
            assertThat(counted.group(2)).as(detail).isNotEqualTo(counted.group(1));
            assertThat(detail).as("a verdict of no trap says so").containsAnyOf("watchpoints never fire",
                    "not once per store");
        } else {
            assertThat(detail).contains("cannot be opened");
        }
    }

    /** The verdict is the C check's exit code: 0 fires, 1 opens but never fires, 2 cannot open; anything else is an error. */
    @Test
    void theIndependentVerdictIsTheCheckBinarysExitCode(@TempDir Path dir) throws IOException {
        assertThat(IndependentWatchpointCheck.check(fakeCheck(dir, "fires", 0)))
                .extracting(IndependentWatchpointCheck.Verdict::opens, IndependentWatchpointCheck.Verdict::fires)
                .containsExactly(true, true);
        assertThat(IndependentWatchpointCheck.check(fakeCheck(dir, "never", 1)))
                .extracting(IndependentWatchpointCheck.Verdict::opens, IndependentWatchpointCheck.Verdict::fires)
                .containsExactly(true, false);
        IndependentWatchpointCheck.Verdict cannot = IndependentWatchpointCheck.check(fakeCheck(dir, "cannot", 2));
        assertThat(cannot.opens()).isFalse();
        assertThat(cannot.detail()).startsWith("said cannot");
        assertThatThrownBy(() -> IndependentWatchpointCheck.check(fakeCheck(dir, "crashed", 139)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exit 139");
        assertThatThrownBy(() -> IndependentWatchpointCheck.check(dir.resolve("missing")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is not built");
    }

    private static Path fakeCheck(Path dir, String name, int exit) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho said " + name + "\nexit " + exit + "\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
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
