package dev.rearm.perf.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;

/**
 * {@link PerfCalls} over the direct-mapped {@link LibC}: the fallback when libperfbp's JNI entry
 * points do not load, and the reference the binding-floor benchmark compares JNI with. JNA
 * reports errno as a {@link LastErrorException}; here it becomes the C contract's -errno.
 */
final class JnaPerfCalls implements PerfCalls {
    static final JnaPerfCalls INSTANCE = new JnaPerfCalls();

    private static final long PERF_EVENT_OPEN = Arch.current().perfEventOpenSyscall();

    private JnaPerfCalls() {
    }

    @Override
    public Binding binding() {
        return Binding.JNA;
    }

    @Override
    public long perf_event_open(long attr, int pid, int cpu, int groupFd, long flags) {
        try {
            return LibC.syscall(PERF_EVENT_OPEN, new Pointer(attr), pid, cpu, groupFd, flags);
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        }
    }

    @Override
    public int ioctl(int fd, long request, long arg) {
        try {
            return LibC.ioctl(fd, request, arg);
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        }
    }

    @Override
    public long mmap(long addr, long length, int prot, int flags, int fd, long offset) {
        try {
            return Pointer.nativeValue(LibC.mmap(addr == 0 ? null : new Pointer(addr), length, prot, flags, fd, offset));
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        }
    }

    @Override
    public int munmap(long addr, long length) {
        try {
            return LibC.munmap(new Pointer(addr), length);
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        }
    }

    @Override
    public int close(int fd) {
        try {
            return LibC.close(fd);
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        }
    }

    @Override
    public long read(int fd, long buf, long count) {
        try {
            return LibC.read(fd, new Pointer(buf), count);
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        }
    }

    @Override
    public int fcntl(int fd, int cmd, long arg) {
        try {
            return LibC.fcntl(fd, cmd, arg);
        } catch (LastErrorException e) {
            return -e.getErrorCode();
        }
    }

    @Override
    public int gettid() {
        return LibC.gettid();
    }

    @Override
    public int getpagesize() {
        return LibC.getpagesize();
    }
}
