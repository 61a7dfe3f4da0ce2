package dev.rearm.perf.memory;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Off-heap memory to put watchpoints on. Stores and loads are plain Java accesses to a direct
 * ByteBuffer, so once JIT-compiled they are single machine stores/loads at the watched address:
 * what a profiled program does, with no native call in between.
 */
public final class WatchedMemory {
    /** Aligned to a cache line so every bpLen (1, 2, 4, 8) is naturally aligned at any multiple. */
    private static final int ALIGNMENT = 64;

    private final ByteBuffer buffer;
    private final long base;

    public WatchedMemory(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1 byte, got " + size);
        }
        ByteBuffer raw = ByteBuffer.allocateDirect(size + ALIGNMENT);
        this.buffer = raw.alignedSlice(ALIGNMENT).order(ByteOrder.nativeOrder());
        this.base = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
    }

    public int size() {
        return buffer.capacity();
    }

    /** The virtual address of byte {@code offset}. */
    public long address(int offset) {
        return base + offset;
    }

    /** One byte store at {@code offset}. */
    public void store(int offset, byte value) {
        buffer.put(offset, value);
    }

    /** One byte load at {@code offset}. */
    public byte load(int offset) {
        return buffer.get(offset);
    }
}
