package dev.rearm.perf.linux;

/** mmap(2) protection and flag bits (asm-generic/mman-common.h). */
public final class Mman {
    private Mman() {
    }

    /** Pages may be read. */
    public static final int PROT_READ = 0x1;
    /** Pages may be written (a writable perf ring means the reader owns data_tail). */
    public static final int PROT_WRITE = 0x2;
    /** Share the mapping: required for a perf ring buffer. */
    public static final int MAP_SHARED = 0x01;
    /** mmap's failure value, (void *) -1. */
    public static final long MAP_FAILED = -1L;

    private static final int PAGE_SIZE = LibC.getpagesize();

    /** The page size of this machine, read once. */
    public static int pageSize() {
        return PAGE_SIZE;
    }
}
