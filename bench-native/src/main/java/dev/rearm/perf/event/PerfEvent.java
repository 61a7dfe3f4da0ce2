package dev.rearm.perf.event;

import dev.rearm.perf.linux.Binding;
import dev.rearm.perf.linux.Fcntl;
import dev.rearm.perf.linux.PerfCalls;

/**
 * One perf event fd on the calling thread, with its ring buffer when one is mapped.
 *
 * <p>Closing unmaps the ring first, then closes the fd: the order the reopen strategy (and the
 * kernel commit's description of it) uses. Close is idempotent so try-with-resources and error
 * paths can both call it without double-closing an fd number someone else now owns.
 *
 * <p>Every call goes through the binding chosen for this JVM ({@link Binding}: JNI unless told
 * otherwise), which returns -errno on failure; this class turns that into a {@link PerfException}.
 */
public final class PerfEvent implements AutoCloseable {
    /** A static final, so the JIT sees the one implementation and calls it directly. */
    private static final PerfCalls CALLS = Binding.selected();
    /** perf_event_open flag: close the fd on exec, so child processes never inherit watchpoints. */
    private static final long PERF_FLAG_FD_CLOEXEC = 1L << 3;

    private final int fd;
    private RingBuffer ring;
    private boolean closed;

    private PerfEvent(int fd) {
        this.fd = fd;
    }

    /** Opens the event for the calling thread on any CPU (pid 0, cpu -1), no group. */
    public static PerfEvent open(PerfEventAttr attr) {
        long fd = CALLS.perf_event_open(attr.address(), 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
        if (fd < 0) {
            throw new PerfException(PerfOperation.OPEN, (int) -fd, describe(attr));
        }
        return new PerfEvent((int) fd);
    }

    private static String describe(PerfEventAttr attr) {
        if (attr.rawLong(PerfEventAttr.OFFSET_TYPE) == 0) {
            return "";
        }
        int type = (int) attr.rawLong(PerfEventAttr.OFFSET_TYPE);
        if (type != PerfEventAttr.PERF_TYPE_BREAKPOINT) {
            return "type " + type;
        }
        return String.format("breakpoint bp_type=%d bp_len=%d bp_addr=0x%x",
                attr.bpTypeBits(), attr.bpLen(), attr.bpAddr());
    }

    public int fd() {
        return fd;
    }

    /** Moves/reshapes the watchpoint in place: the kernel reads bp_addr, bp_type, bp_len, disabled. */
    public void modify(PerfEventAttr attr) {
        int result = CALLS.ioctl(fd, PerfIoctl.MODIFY_ATTRIBUTES, attr.address());
        if (result < 0) {
            throw new PerfException(PerfOperation.MODIFY, -result, describe(attr));
        }
    }

    public void enable() {
        ioctl(PerfIoctl.ENABLE, "PERF_EVENT_IOC_ENABLE");
    }

    public void disable() {
        ioctl(PerfIoctl.DISABLE, "PERF_EVENT_IOC_DISABLE");
    }

    public void reset() {
        ioctl(PerfIoctl.RESET, "PERF_EVENT_IOC_RESET");
    }

    private void ioctl(long request, String name) {
        int result = CALLS.ioctl(fd, request, 0L);
        if (result < 0) {
            throw new PerfException(PerfOperation.IOCTL, -result, name);
        }
    }

    /** The event's count: for a watchpoint with sample_period 1, the traps since open (or reset). */
    public long readCount() {
        NativeScratch scratch = NativeScratch.get();
        long n = CALLS.read(fd, scratch.u64Address, 8);
        if (n < 0) {
            throw new PerfException(PerfOperation.READ, (int) -n, "fd " + fd);
        }
        if (n != 8) {
            throw new PerfException(PerfOperation.READ, 0, "short read of " + n + " bytes");
        }
        return scratch.u64.getLong(0);
    }

    /**
     * Sends {@code signal} to thread {@code tid} on every wakeup (one per trap), as watchpoint
     * tools do: F_GETFL, F_SETFL |O_ASYNC|O_NONBLOCK, F_SETSIG, F_SETOWN_EX(F_OWNER_TID) — four fcntls.
     */
    public void routeSignals(int signal, int tid) {
        int flags = fcntl(Fcntl.F_GETFL, 0L);
        fcntl(Fcntl.F_SETFL, flags | Fcntl.O_ASYNC | Fcntl.O_NONBLOCK);
        fcntl(Fcntl.F_SETSIG, signal);
        NativeScratch scratch = NativeScratch.get();
        scratch.ownerEx.setInt(0, Fcntl.F_OWNER_TID);
        scratch.ownerEx.setInt(4, tid);
        fcntl(Fcntl.F_SETOWN_EX, scratch.ownerExAddress);
    }

    private int fcntl(int cmd, long arg) {
        int result = CALLS.fcntl(fd, cmd, arg);
        if (result < 0) {
            throw new PerfException(PerfOperation.FCNTL, -result, "fd " + fd);
        }
        return result;
    }

    /** Maps a ring of {@code pages} data pages (a power of two) plus the metadata page. */
    public RingBuffer mapRing(int pages) {
        if (ring != null) {
            throw new IllegalStateException("fd " + fd + " already has a ring mapped");
        }
        ring = RingBuffer.map(fd, pages);
        return ring;
    }

    /** The mapped ring, or null. */
    public RingBuffer ring() {
        return ring;
    }

    /** Unmaps the ring, if any; the fd stays open. */
    public void unmapRing() {
        if (ring != null) {
            RingBuffer mapped = ring;
            ring = null;
            mapped.unmap();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            unmapRing();
        } finally {
            closed = true;
            int result = CALLS.close(fd);
            if (result < 0) {
                throw new PerfException(PerfOperation.CLOSE, -result, "fd " + fd);
            }
        }
    }
}
