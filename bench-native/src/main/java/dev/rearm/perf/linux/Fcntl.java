package dev.rearm.perf.linux;

/** fcntl(2) commands and flags used to route a perf event's wakeups to a thread as a signal. */
public final class Fcntl {
    private Fcntl() {
    }

    /** Get the file status flags. */
    public static final int F_GETFL = 3;
    /** Set the file status flags (O_ASYNC, O_NONBLOCK). */
    public static final int F_SETFL = 4;
    /** Set the signal sent when I/O is possible (instead of SIGIO), with siginfo. */
    public static final int F_SETSIG = 10;
    /** Set the owner (thread, process or group) that receives the I/O signal: struct f_owner_ex. */
    public static final int F_SETOWN_EX = 15;
    /** f_owner_ex.type: send the signal to one thread. */
    public static final int F_OWNER_TID = 0;

    /** Non-blocking I/O. */
    public static final int O_NONBLOCK = 0x800;
    /** Signal-driven I/O: send the owner a signal when the event has data. */
    public static final int O_ASYNC = 0x2000;

    /** sizeof(struct f_owner_ex): int type; pid_t pid. */
    public static final int F_OWNER_EX_SIZE = 8;
}
