package dev.rearm.jmh.workload;

import dev.rearm.perf.memory.WatchedMemory;

/**
 * Where each slot's watchpoint moves: every slot owns its own page-sized region of off-heap
 * memory and cycles through {@link #LINES_PER_SLOT} addresses in it, one cache line apart.
 *
 * <p>Why so: the addresses must differ from op to op (a move to the same address is not what
 * tools do), must not all share a cache line, must be aligned for any bpLen, and two slots must
 * never watch the same byte (one store would then trap twice).
 */
public final class AddressPlan {
    /** Addresses each slot cycles through. */
    public static final int LINES_PER_SLOT = 64;
    /** Distance between consecutive addresses: a cache line, so also aligned for bpLen 1..8. */
    public static final int STRIDE = 64;
    private static final int REGION = LINES_PER_SLOT * STRIDE;

    private final WatchedMemory memory;
    private final long[] addresses;
    private final int[] offsets;

    public AddressPlan(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        this.memory = new WatchedMemory(slots * REGION);
        this.addresses = new long[slots * LINES_PER_SLOT];
        this.offsets = new int[slots * LINES_PER_SLOT];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i * STRIDE;
            addresses[i] = memory.address(offsets[i]);
        }
    }

    /** Index of slot {@code slot}'s {@code line}-th address, for {@link #address} and {@link #store}. */
    public static int index(int slot, int line) {
        return slot * LINES_PER_SLOT + line;
    }

    public long address(int index) {
        return addresses[index];
    }

    /** One plain Java byte store at the address of {@code index}: the trapping access. */
    public void store(int index, byte value) {
        memory.store(offsets[index], value);
    }

    public WatchedMemory memory() {
        return memory;
    }
}
