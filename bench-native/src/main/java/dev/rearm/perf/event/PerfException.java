package dev.rearm.perf.event;

import dev.rearm.perf.linux.Errno;

/**
 * A perf call the kernel refused. The message names the call, the errno, and what the user
 * can do about it; {@link #errno()} and {@link #operation()} let callers (the probe, tests that
 * skip) decide without parsing text.
 */
public final class PerfException extends RuntimeException {
    private final PerfOperation operation;
    private final int errno;

    public PerfException(PerfOperation operation, int errno, String detail) {
        super(PerfErrorAdvice.message(operation, errno, detail));
        this.operation = operation;
        this.errno = errno;
    }

    public PerfOperation operation() {
        return operation;
    }

    public int errno() {
        return errno;
    }

    public String errnoName() {
        return Errno.name(errno);
    }
}
