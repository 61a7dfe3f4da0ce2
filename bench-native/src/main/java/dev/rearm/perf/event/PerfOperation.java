package dev.rearm.perf.event;

/** The call that failed: the same errno means different things after different calls. */
public enum PerfOperation {
    OPEN("perf_event_open"),
    MODIFY("ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES)"),
    IOCTL("ioctl"),
    MMAP("mmap of the perf ring buffer"),
    MUNMAP("munmap of the perf ring buffer"),
    CLOSE("close of a perf event fd"),
    READ("read of a perf event count"),
    FCNTL("fcntl (signal routing)");

    private final String call;

    PerfOperation(String call) {
        this.call = call;
    }

    public String call() {
        return call;
    }
}
