package dev.rearm.perf.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Direct-mapped libc calls (JNA {@code Native.register}, fixed arity: no varargs marshalling,
 * no Structure copies). Names and argument order are the C ones. Every call that can fail
 * declares {@link LastErrorException}: JNA then throws with errno when the call sets it, so
 * callers turn it into a {@code PerfException} that says what to do.
 */
public final class LibC {
    static {
        Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibC() {
    }

    /**
     * {@code long syscall(long number, ...)} used as perf_event_open(attr, pid, cpu, group_fd, flags).
     * Returns the new fd; throws with errno on failure.
     */
    public static native long syscall(long number, Pointer attr, int pid, int cpu, int groupFd, long flags)
            throws LastErrorException;

    /** {@code int ioctl(int fd, unsigned long request, void *arg)}: 0 (or a request-specific value). */
    public static native int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    /** {@code int ioctl(int fd, unsigned long request, unsigned long arg)} for requests taking an integer. */
    public static native int ioctl(int fd, long request, long arg) throws LastErrorException;

    /** {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}. */
    public static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset)
            throws LastErrorException;

    /** {@code int munmap(void *addr, size_t length)}: 0 on success. */
    public static native int munmap(Pointer addr, long length) throws LastErrorException;

    /** {@code int close(int fd)}: 0 on success. */
    public static native int close(int fd) throws LastErrorException;

    /** {@code ssize_t read(int fd, void *buf, size_t count)}: bytes read. */
    public static native long read(int fd, Pointer buf, long count) throws LastErrorException;

    /** {@code int fcntl(int fd, int cmd, long arg)} for integer arguments (F_GETFL, F_SETFL, F_SETSIG). */
    public static native int fcntl(int fd, int cmd, long arg) throws LastErrorException;

    /** {@code int fcntl(int fd, int cmd, void *arg)} for struct arguments (F_SETOWN_EX). */
    public static native int fcntl(int fd, int cmd, Pointer arg) throws LastErrorException;

    /** {@code pid_t gettid(void)}: the calling thread's kernel id; never fails. */
    public static native int gettid();

    /** {@code int getpagesize(void)}: the page size in bytes; never fails. */
    public static native int getpagesize();
}
