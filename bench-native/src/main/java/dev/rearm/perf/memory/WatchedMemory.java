package dev.rearm.perf.memory;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.rearm.perf.linux.Mman;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Off-heap memory to put watchpoints on. Stores and loads are plain Java accesses to a direct
 * ByteBuffer, so once JIT-compiled they are single machine stores/loads at the watched address:
 * what a profiled program does, with no native call in between.
 *
 * <p>The memory is whole pages of its own: it starts on a page boundary and no other allocation
 * ends in its last page. On a CPU that changes nothing (a debug register matches bytes, not
 * pages), but QEMU's TCG, the emulated CPU the trap tests run on where this machine's own
 * watchpoints never fire, checks watchpoints per page, and there the JVM's own copies into
 * malloc'd neighbours on a watched page (memcpy and strcpy stores in libc) were reported as hits
 * of the watchpoint: traps at no store of ours, with the address the watchpoint had at the time.
 */
public final class WatchedMemory {
    private static final int PAGE = Mman.pageSize();

    private final ByteBuffer buffer;
    private final long base;
    private final int size;

    public WatchedMemory(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1 byte, got " + size);
        }
        int pages = (int) ((size + (long) PAGE - 1) / PAGE);
        if ((long) (pages + 1) * PAGE > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("size must be at most " + (Integer.MAX_VALUE - PAGE - PAGE)
                    + " bytes, got " + size);
        }
        // One page more than the pages used, so a page-aligned run of them fits wherever malloc puts it.
        ByteBuffer raw = ByteBuffer.allocateDirect((pages + 1) * PAGE);
        this.buffer = raw.alignedSlice(PAGE).limit(pages * PAGE).slice().order(ByteOrder.nativeOrder());
        this.base = Pointer.nativeValue(Native.getDirectBufferPointer(buffer));
        this.size = size;
    }

    /** How many bytes were asked for (the pages they occupy hold nothing else). */
    public int size() {
        return size;
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
