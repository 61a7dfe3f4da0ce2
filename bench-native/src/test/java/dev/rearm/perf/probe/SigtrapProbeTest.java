package dev.rearm.perf.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.KernelVersion;
import org.junit.jupiter.api.Test;

/**
 * The probe's sigtrap and sigDataModify on this machine, for real: accepted on a kernel that has
 * them, and "supported" only where a trap showed it working; where watchpoints never fire the
 * JSON says accepted but not supported, with the one reason that explains it.
 */
class SigtrapProbeTest {

    @Test
    void sigtrapIsAcceptedFrom5Point13AndClaimedOnlyWhereTrapsFire() {
        KernelSupport.assumeBreakpoints();
        assumeFalse(KernelVersion.running().olderThan(5, 13), "attr.sigtrap came with Linux 5.13; this is "
                + KernelVersion.running());
        ProbeReport report = KernelSupport.probe();

        assertThat(report.sigtrap().accepted()).as(report.sigtrap().reason()).isTrue();
        if (report.watchpointTraps().supported()) {
            assertThat(report.sigtrap().supported()).as(report.sigtrap().reason()).isTrue();
        } else {
            assertThat(report.sigtrap()).isEqualTo(KernelFeature.unverified());
        }
    }

    @Test
    void sigDataThroughModifyIsAcceptedFrom5Point17AndClaimedOnlyWhereTrapsFire() {
        KernelSupport.assumeBreakpoints();
        assumeFalse(KernelVersion.running().olderThan(5, 17), "the modify ioctl takes sig_data since Linux 5.17; "
                + "this is " + KernelVersion.running());
        ProbeReport report = KernelSupport.probe();

        assertThat(report.sigDataModify().accepted()).as(report.sigDataModify().reason()).isTrue();
        if (report.watchpointTraps().supported()) {
            assertThat(report.sigDataModify().supported()).as(report.sigDataModify().reason()).isTrue();
        } else {
            assertThat(report.sigDataModify()).isEqualTo(KernelFeature.unverified());
        }
    }

    @Test
    void kernelReleasesParseToMajorMinor() {
        assertThat(KernelVersion.parse("6.18.44-fc-v782")).isEqualTo(new KernelVersion(6, 18));
        assertThat(KernelVersion.parse("5.16.0")).matches(v -> v.olderThan(5, 17) && !v.olderThan(5, 13));
        assertThat(KernelVersion.parse("garbage")).isEqualTo(new KernelVersion(0, 0));
    }
}
