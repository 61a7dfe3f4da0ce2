package dev.rearm.perf.linux;

import java.util.Locale;

/**
 * The architectures rearm knows the syscall numbers and ioctl encoding of. Not API: the numbers
 * are decided once here so nothing else needs to know which machine it runs on.
 */
public enum Arch {
    /** x86-64: perf_event_open is syscall 298 (arch/x86/entry/syscalls/syscall_64.tbl). */
    X86_64(298, 8),
    /** arm64: perf_event_open is syscall 241 (include/uapi/asm-generic/unistd.h). */
    AARCH64(241, 8);

    private final long perfEventOpenSyscall;
    private final int pointerSize;

    Arch(long perfEventOpenSyscall, int pointerSize) {
        this.perfEventOpenSyscall = perfEventOpenSyscall;
        this.pointerSize = pointerSize;
    }

    public long perfEventOpenSyscall() {
        return perfEventOpenSyscall;
    }

    public int pointerSize() {
        return pointerSize;
    }

    /** Both supported arches use the asm-generic ioctl layout: dir(2) size(14) type(8) nr(8). */
    public long ioc(int direction, char type, int nr, int size) {
        return ((long) direction << 30) | ((long) size << 16) | ((long) type << 8) | nr;
    }

    public static final int IOC_NONE = 0;
    public static final int IOC_WRITE = 1;

    private static final Arch CURRENT = detect(System.getProperty("os.arch"));

    /** The arch this JVM runs on; throws {@link UnsupportedArchException} elsewhere. */
    public static Arch current() {
        if (CURRENT == null) {
            throw new UnsupportedArchException(System.getProperty("os.arch"));
        }
        return CURRENT;
    }

    /** Null when the arch is not one rearm supports (callers get the explanation from current()). */
    static Arch detect(String osArch) {
        switch (osArch == null ? "" : osArch.toLowerCase(Locale.ROOT)) {
            case "amd64":
            case "x86_64":
                return X86_64;
            case "aarch64":
            case "arm64":
                return AARCH64;
            default:
                return null;
        }
    }

    /** Thrown on an architecture whose perf_event_open syscall number rearm does not know. */
    public static final class UnsupportedArchException extends RuntimeException {
        public UnsupportedArchException(String osArch) {
            super("unsupported arch '" + osArch + "': rearm knows perf_event_open's syscall number "
                    + "on x86_64 and aarch64 only");
        }
    }
}
