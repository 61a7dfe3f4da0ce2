package dev.rearm.perf.event;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.rearm.perf.linux.Arch;
import dev.rearm.perf.linux.Fcntl;
import dev.rearm.perf.linux.LibC;
import dev.rearm.perf.ring.RingBuffer;

/**
 * One perf event fd on the calling thread, with its ring buffer when one is mapped.
 *
 * <p>Closing unmaps the ring first, then closes the fd: the order the reopen strategy (and the
 * kernel commit's description of it) uses. Close is idempotent so try-with-resources and error
 * paths can both call it without double-closing an fd number someone else now owns.
 */
public final class PerfEvent implements AutoCloseable {
    private static final long PERF_EVENT_OPEN = Arch.current().perfEventOpenSyscall();
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
        try {
            long fd = LibC.syscall(PERF_EVENT_OPEN, attr.pointer(), 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
            return new PerfEvent((int) fd);
        } catch (LastErrorException e) {
            throw new PerfException(PerfOperation.OPEN, e.getErrorCode(), describe(attr));
        }
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
        try {
            LibC.ioctl(fd, PerfIoctl.MODIFY_ATTRIBUTES, attr.pointer());
        } catch (LastErrorException e) {
            throw new PerfException(PerfOperation.MODIFY, e.getErrorCode(), describe(attr));
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
        try {
            LibC.ioctl(fd, request, 0L);
        } catch (LastErrorException e) {
            throw new PerfException(PerfOperation.IOCTL, e.getErrorCode(), name);
        }
    }

    /** The event's count: for a watchpoint with sample_period 1, the traps since open (or reset). */
    public long readCount() {
        Memory buffer = NativeScratch.get().u64;
        try {
            long n = LibC.read(fd, buffer, 8);
            if (n != 8) {
                throw new PerfException(PerfOperation.READ, 0, "short read of " + n + " bytes");
            }
            return buffer.getLong(0);
        } catch (LastErrorException e) {
            throw new PerfException(PerfOperation.READ, e.getErrorCode(), "fd " + fd);
        }
    }

    /**
     * Sends {@code signal} to thread {@code tid} on every wakeup (one per trap), as watchpoint
     * tools do: F_GETFL, F_SETFL |O_ASYNC|O_NONBLOCK, F_SETSIG, F_SETOWN_EX(F_OWNER_TID) — four fcntls.
     */
    public void routeSignals(int signal, int tid) {
        try {
            int flags = LibC.fcntl(fd, Fcntl.F_GETFL, 0L);
            LibC.fcntl(fd, Fcntl.F_SETFL, (long) (flags | Fcntl.O_ASYNC | Fcntl.O_NONBLOCK));
            LibC.fcntl(fd, Fcntl.F_SETSIG, (long) signal);
            Memory owner = NativeScratch.get().ownerEx;
            owner.setInt(0, Fcntl.F_OWNER_TID);
            owner.setInt(4, tid);
            LibC.fcntl(fd, Fcntl.F_SETOWN_EX, owner);
        } catch (LastErrorException e) {
            throw new PerfException(PerfOperation.FCNTL, e.getErrorCode(), "fd " + fd);
        }
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
            try {
                LibC.close(fd);
            } catch (LastErrorException e) {
                throw new PerfException(PerfOperation.CLOSE, e.getErrorCode(), "fd " + fd);
            }
        }
    }
}
