package dev.rearm.perf.linux;

/**
 * The libc calls on the move path of both strategies, behind one seam so the binding that makes
 * them can be chosen once per JVM ({@link Binding}): JNI by default, JNA as the fallback.
 *
 * <p>Why a seam: on this VM JNA's generic dispatch adds ~250 ns to every call (a modify ioctl
 * measured 2169 ns through JNA direct mapping, 1980 ns through a JNI shim, 1923 ns from C;
 * gettid 260 / 166 / 158 ns), which put the JMH figures ~12% above the native harness's: more
 * than the 5-10% the comparison allows. Everything else (probe, tests) keeps using {@link LibC}.
 *
 * <p>The C contract, for every call: the result, or {@code -errno} when the call fails (never
 * an exception, so the caller's {@code PerfException} says what the failure means). Pointers
 * are native addresses ({@code Pointer.nativeValue}). Names and argument order are the C ones.
 */
public interface PerfCalls {

    /** Which binding makes these calls (its {@link Binding#key()} is how {@code -Drearm.binding} spells it). */
    Binding binding();

    /**
     * {@code perf_event_open(attr, pid, cpu, group_fd, flags)} (a syscall; glibc has no wrapper):
     * the new fd, or -errno.
     */
    long perf_event_open(long attr, int pid, int cpu, int groupFd, long flags);

    /**
     * {@code ioctl(fd, request, arg)}: 0 (or a request-specific value), or -errno. The kernel reads
     * {@code arg} as an unsigned long, so it is an integer or a struct's address (the attr of
     * PERF_EVENT_IOC_MODIFY_ATTRIBUTES) alike.
     */
    int ioctl(int fd, long request, long arg);

    /** {@code mmap(addr, length, prot, flags, fd, offset)}: the mapping's address, or -errno. */
    long mmap(long addr, long length, int prot, int flags, int fd, long offset);

    /** {@code munmap(addr, length)}: 0, or -errno. */
    int munmap(long addr, long length);

    /** {@code close(fd)}: 0, or -errno. */
    int close(int fd);

    /** {@code read(fd, buf, count)}: the bytes read, or -errno. */
    long read(int fd, long buf, long count);

    /**
     * {@code fcntl(fd, cmd, arg)}: the command's result, or -errno. As with ioctl, {@code arg} is
     * an integer (F_SETFL's flags, F_SETSIG's signal) or a struct's address (F_SETOWN_EX's
     * struct f_owner_ex).
     */
    int fcntl(int fd, int cmd, long arg);

    /** {@code gettid()}: the calling thread's kernel id; never fails. The cheapest syscall. */
    int gettid();

    /** {@code getpagesize()}: answered by libc without a syscall; the binding's round trip alone. */
    int getpagesize();
}
