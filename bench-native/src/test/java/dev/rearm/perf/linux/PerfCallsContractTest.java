package dev.rearm.perf.linux;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.event.PerfIoctl;
import dev.rearm.perf.memory.WatchedMemory;
import dev.rearm.perf.testsupport.KernelSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both bindings keep the C contract of {@link PerfCalls}: the result, or -errno. Whichever one a
 * JVM selects, the strategies see the same values (the kernel tests run under one at a time).
 */
@Tag(KernelSupport.TRAPS_TAG)
class PerfCallsContractTest {
    private static final long PERF_FLAG_FD_CLOEXEC = 1L << 3;

    @ParameterizedTest
    @EnumSource(Binding.class)
    void callsOnABadFdReturnMinusEbadf(Binding binding) {
        PerfCalls calls = binding.calls();
        try (Memory buffer = new Memory(8)) {
            assertThat(calls.ioctl(-1, PerfIoctl.ENABLE, 0)).isEqualTo(-Errno.EBADF);
            assertThat(calls.ioctl(-1, PerfIoctl.MODIFY_ATTRIBUTES, Pointer.nativeValue(buffer))).isEqualTo(-Errno.EBADF);
            assertThat(calls.fcntl(-1, Fcntl.F_GETFL, 0)).isEqualTo(-Errno.EBADF);
            assertThat(calls.read(-1, Pointer.nativeValue(buffer), 8)).isEqualTo(-Errno.EBADF);
            assertThat(calls.close(-1)).isEqualTo(-Errno.EBADF);
            assertThat(calls.mmap(0, Mman.pageSize(), Mman.PROT_READ, Mman.MAP_SHARED, -1, 0)).isEqualTo(-Errno.EBADF);
        }
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void munmapOfAnUnalignedAddressReturnsMinusEinval(Binding binding) {
        assertThat(binding.calls().munmap(1, Mman.pageSize())).isEqualTo(-Errno.EINVAL);
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void threadAndPageFactsAgreeWithJna(Binding binding) {
        assertThat(binding.calls().gettid()).isEqualTo(LibC.gettid());
        assertThat(binding.calls().getpagesize()).isEqualTo(LibC.getpagesize());
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void perfEventOpenOfAnUnreadableAttrReturnsMinusEfault(Binding binding) {
        KernelSupport.assumeBreakpoints();
        assertThat(binding.calls().perf_event_open(0, 0, -1, -1, PERF_FLAG_FD_CLOEXEC)).isEqualTo(-Errno.EFAULT);
    }

    /** The whole reopen sequence through one binding: every call succeeds and returns what C would. */
    @ParameterizedTest
    @EnumSource(Binding.class)
    void reopenSequenceSucceedsThroughTheBinding(Binding binding) {
        KernelSupport.assumeModify();
        PerfCalls calls = binding.calls();
        WatchedMemory memory = new WatchedMemory(64);
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.RW, memory.address(0), 1);
             Memory scratch = new Memory(8)) {
            long fd = calls.perf_event_open(attr.address(), 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
            assertThat(fd).isNotNegative();
            int flags = calls.fcntl((int) fd, Fcntl.F_GETFL, 0);
            assertThat(flags).isNotNegative();
            assertThat(calls.fcntl((int) fd, Fcntl.F_SETFL, flags | Fcntl.O_NONBLOCK)).isZero();
            scratch.setInt(0, Fcntl.F_OWNER_TID);
            scratch.setInt(4, calls.gettid());
            assertThat(calls.fcntl((int) fd, Fcntl.F_SETOWN_EX, Pointer.nativeValue(scratch))).isZero();
            long length = 2L * Mman.pageSize();
            long ring = calls.mmap(0, length, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED, (int) fd, 0);
            assertThat(ring).isPositive();
            attr.setBpAddr(memory.address(8));
            assertThat(calls.ioctl((int) fd, PerfIoctl.MODIFY_ATTRIBUTES, attr.address())).isZero();
            assertThat(calls.read((int) fd, Pointer.nativeValue(scratch), 8)).isEqualTo(8);
            assertThat(scratch.getLong(0)).isZero();
            assertThat(calls.munmap(ring, length)).isZero();
            assertThat(calls.close((int) fd)).isZero();
        }
    }
}
