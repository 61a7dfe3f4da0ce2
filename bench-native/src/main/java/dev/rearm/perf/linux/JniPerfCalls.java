package dev.rearm.perf.linux;

/**
 * {@link PerfCalls} through libperfbp's JNI entry points ({@code perf_calls_jni.c}): the default.
 *
 * <p>Why JNI and not JNA on the move path: a JNI call to a native method with primitive
 * arguments costs tens of nanoseconds, JNA's generic dispatch ~250 ns on this VM (modify ioctl:
 * C 1923 ns, JNI 1980 ns, JNA 2169 ns), and the JMH figures are compared with the native
 * harness's. The C side returns -errno itself, so nothing here touches exceptions per call.
 */
final class JniPerfCalls implements PerfCalls {

    private JniPerfCalls() {
    }

    /**
     * Loads libperfbp (the same file JNA loads for the trap counters: one library in the process)
     * and links every entry point now, so a library built without them fails here, not mid-run.
     */
    static synchronized PerfCalls load() {
        try {
            System.load(PerfbpLibrary.path());
            JniPerfCalls calls = new JniPerfCalls();
            // Each call on fd -1, a zero length or a null attr: the kernel refuses it and nothing changes.
            calls.getpagesize();
            calls.gettid();
            calls.close(-1);
            calls.read(-1, 0, 0);
            calls.ioctl(-1, 0, 0);
            calls.fcntl(-1, 0, 0);
            calls.munmap(0, 0);
            calls.mmap(0, 0, 0, 0, -1, 0);
            calls.perf_event_open(0, 0, -1, -1, 0);
            return calls;
        } catch (LinkageError e) {
            throw new Binding.UnavailableException("libperfbp's JNI entry points did not load ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    @Override
    public Binding binding() {
        return Binding.JNI;
    }

    @Override
    public native long perf_event_open(long attr, int pid, int cpu, int groupFd, long flags);

    @Override
    public native int ioctl(int fd, long request, long arg);

    @Override
    public native long mmap(long addr, long length, int prot, int flags, int fd, long offset);

    @Override
    public native int munmap(long addr, long length);

    @Override
    public native int close(int fd);

    @Override
    public native long read(int fd, long buf, long count);

    @Override
    public native int fcntl(int fd, int cmd, long arg);

    @Override
    public native int gettid();

    @Override
    public native int getpagesize();
}
