package dev.rearm.perf.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.linux.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a user reads when the kernel refuses: the call, the errno, and what to do about it. */
class PerfErrorAdviceTest {

    private static String message(PerfOperation operation, int errno) {
        return new PerfException(operation, errno, "detail").getMessage();
    }

    @Test
    void messageNamesTheCallTheErrnoAndTheDetail() {
        PerfException e = new PerfException(PerfOperation.OPEN, Errno.ENOSPC, "breakpoint bp_type=3");
        assertThat(e.getMessage()).startsWith("perf_event_open failed with ENOSPC (breakpoint bp_type=3): ");
        assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
        assertThat(e.errnoName()).isEqualTo("ENOSPC");
        assertThat(e.operation()).isEqualTo(PerfOperation.OPEN);
    }

    @ParameterizedTest(name = "errno {0}")
    @ValueSource(ints = {Errno.EACCES, Errno.EPERM})
    void permissionRefusalPointsAtParanoidAndCapPerfmon(int errno) {
        assertThat(message(PerfOperation.OPEN, errno))
                .contains("perf_event_paranoid").contains("CAP_PERFMON").contains("root");
    }

    @ParameterizedTest(name = "errno {0}")
    @ValueSource(ints = {Errno.ENOENT, Errno.ENODEV, Errno.EOPNOTSUPP})
    void openWithoutBreakpointPmuSaysContainersAndVms(int errno) {
        assertThat(message(PerfOperation.OPEN, errno)).contains("breakpoint").containsAnyOf("container", "VM");
    }

    @Test
    void noFreeSlotMentionsDebugRegisters() {
        assertThat(message(PerfOperation.OPEN, Errno.ENOSPC)).contains("debug register");
    }

    @Test
    void attrSizeRefusalNamesTheSize() {
        assertThat(message(PerfOperation.OPEN, Errno.E2BIG)).contains("size " + PerfEventAttr.SIZE);
    }

    @Test
    void openEinvalExplainsLengthAlignmentAndType() {
        assertThat(message(PerfOperation.OPEN, Errno.EINVAL)).contains("length").contains("align").contains("type");
    }

    @Test
    void unknownModifyIoctlNamesKernel417() {
        assertThat(message(PerfOperation.MODIFY, Errno.ENOTTY)).contains("4.17").contains("reopen");
    }

    @Test
    void modifyEinvalNamesTheBreakpointFields() {
        assertThat(message(PerfOperation.MODIFY, Errno.EINVAL))
                .contains("bp_addr").contains("bp_type").contains("bp_len").contains("disabled")
                .contains("stays armed");
    }

    @Test
    void modifyOnAnotherEventKindSaysBreakpointsOnly() {
        assertThat(message(PerfOperation.MODIFY, Errno.EOPNOTSUPP)).contains("breakpoint events only");
    }

    @Test
    void mmapPermissionRefusalPointsAtTheLockedMemoryLimit() {
        assertThat(message(PerfOperation.MMAP, Errno.EPERM))
                .contains("locked-memory limit").contains("perf_event_mlock_kb").contains("fewer pages");
    }

    @Test
    void sameErrnoMeansDifferentThingsAfterDifferentCalls() {
        assertThat(message(PerfOperation.MMAP, Errno.EPERM)).isNotEqualTo(message(PerfOperation.OPEN, Errno.EPERM));
        assertThat(message(PerfOperation.MODIFY, Errno.EINVAL)).isNotEqualTo(message(PerfOperation.OPEN, Errno.EINVAL));
    }

    @Test
    void unnamedErrnoStillReportsItsNumber() {
        assertThat(message(PerfOperation.OPEN, 200)).contains("errno 200");
    }
}
