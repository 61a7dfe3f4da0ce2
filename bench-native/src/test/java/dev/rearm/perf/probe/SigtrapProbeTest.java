package dev.rearm.perf.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.KernelVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The probe's sigtrap and sigDataModify on this machine, for real: accepted on a kernel that has
 * them, and "supported" only where a trap showed it working; where watchpoints never fire the
 * JSON says accepted but not supported, with the one reason that explains it.
 */
@Tag(KernelSupport.TRAPS_TAG)
class SigtrapProbeTest {

    @Test
    void sigtrapIsAcceptedFrom5Point13AndClaimedOnlyWhereTrapsFire() {
        assumeKernel(5, 13, "attr.sigtrap came with");
        assertAcceptedAndClaimedOnlyWhereTrapsFire(KernelSupport.probe().sigtrap());
    }

    @Test
    void sigDataThroughModifyIsAcceptedFrom5Point17AndClaimedOnlyWhereTrapsFire() {
        assumeKernel(5, 17, "the modify ioctl takes sig_data since");
        assertAcceptedAndClaimedOnlyWhereTrapsFire(KernelSupport.probe().sigDataModify());
    }

    private static void assumeKernel(int major, int minor, String feature) {
        KernelSupport.assumeBreakpoints();
        HostPrecondition.assume(!KernelVersion.running().olderThan(major, minor), feature + " Linux " + major + "." + minor
                + "; this is " + KernelVersion.running());
    }

    private static void assertAcceptedAndClaimedOnlyWhereTrapsFire(KernelFeature feature) {
        assertThat(feature.accepted()).as(feature.reason()).isTrue();
        if (KernelSupport.probe().watchpointTraps().supported()) {
            assertThat(feature.supported()).as(feature.reason()).isTrue();
        } else {
            assertThat(feature).isEqualTo(KernelFeature.unverified());
        }
    }

    @Test
    void kernelReleasesParseToMajorMinor() {
        assertThat(KernelVersion.parse("6.18.44-fc-v782")).isEqualTo(new KernelVersion(6, 18));
        assertThat(KernelVersion.parse("5.16.0")).matches(v -> v.olderThan(5, 17) && !v.olderThan(5, 13));
        assertThat(KernelVersion.parse("garbage")).isEqualTo(new KernelVersion(0, 0));
    }
}
