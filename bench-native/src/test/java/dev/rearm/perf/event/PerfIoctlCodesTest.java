package dev.rearm.perf.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.HeaderFacts;
import org.junit.jupiter.api.Test;

/** The ioctl request numbers we encode per arch equal the header's _IO/_IOW macros on this machine. */
class PerfIoctlCodesTest {

    @Test
    void enableDisableResetMatchTheHeader() {
        assertThat(PerfIoctl.ENABLE).isEqualTo(HeaderFacts.of("PERF_EVENT_IOC_ENABLE"));
        assertThat(PerfIoctl.DISABLE).isEqualTo(HeaderFacts.of("PERF_EVENT_IOC_DISABLE"));
        assertThat(PerfIoctl.RESET).isEqualTo(HeaderFacts.of("PERF_EVENT_IOC_RESET"));
    }

    /** _IOW('$', 11, __u64 *): the size field is the pointer's size, not the attr's. */
    @Test
    void modifyAttributesMatchesTheHeader() {
        assertThat(PerfIoctl.MODIFY_ATTRIBUTES).isEqualTo(HeaderFacts.of("PERF_EVENT_IOC_MODIFY_ATTRIBUTES"));
    }
}
