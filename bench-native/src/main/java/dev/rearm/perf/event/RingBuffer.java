package dev.rearm.perf.event;

import com.sun.jna.Pointer;
import dev.rearm.perf.linux.Binding;
import dev.rearm.perf.linux.Mman;
import dev.rearm.perf.linux.PerfCalls;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A perf ring buffer: one metadata page ({@code struct perf_event_mmap_page}) then
 * {@code pages} data pages. Mapped read-write, so the kernel stops at data_tail and a reader
 * must advance it (as real tools do): an undrained ring fills, and then the kernel stops
 * writing samples and stops signalling.
 */
public final class RingBuffer {
    /** offsetof(struct perf_event_mmap_page, data_head): the kernel's write position. */
    static final int OFFSET_DATA_HEAD = 1024;
    /** offsetof(struct perf_event_mmap_page, data_tail): the reader's position. */
    static final int OFFSET_DATA_TAIL = 1032;

    static final int PERF_RECORD_LOST = 2;
    static final int PERF_RECORD_SAMPLE = 9;
    private static final int HEADER_SIZE = 8;
    /** mmap and munmap are on reopen's move path: through the binding chosen for this JVM. */
    private static final PerfCalls CALLS = Binding.selected();

    private final Pointer base;
    private final long length;
    private final long dataSize;
    private final int pageSize;
    private boolean mapped = true;

    private RingBuffer(Pointer base, long length, int pageSize, long dataSize) {
        this.base = base;
        this.length = length;
        this.pageSize = pageSize;
        this.dataSize = dataSize;
    }

    /** mmap((1 + pages) x page size) of the event's fd. {@code pages} must be a power of two. */
    public static RingBuffer map(int fd, int pages) {
        if (pages < 1 || Integer.bitCount(pages) != 1) {
            throw new IllegalArgumentException("pages " + pages + " is not a power of two (1, 2, 4 ... 512)");
        }
        int pageSize = Mman.pageSize();
        long length = (long) (1 + pages) * pageSize;
        long base = CALLS.mmap(0, length, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED, fd, 0);
        if (base < 0) {
            throw new PerfException(PerfOperation.MMAP, (int) -base, pages + " data pages, " + length / 1024 + " KiB");
        }
        return new RingBuffer(new Pointer(base), length, pageSize, (long) pages * pageSize);
    }

    public long address() {
        return Pointer.nativeValue(base);
    }

    public long length() {
        return length;
    }

    public long dataSize() {
        return dataSize;
    }

    public boolean isMapped() {
        return mapped;
    }

    /** The kernel's write position; the acquire fence orders the record reads after it. */
    public long dataHead() {
        long head = base.getLong(OFFSET_DATA_HEAD);
        VarHandle.acquireFence();
        return head;
    }

    public long dataTail() {
        return base.getLong(OFFSET_DATA_TAIL);
    }

    /** Releases everything before {@code tail} to the kernel; the fence orders our reads before it. */
    public void setDataTail(long tail) {
        VarHandle.releaseFence();
        base.setLong(OFFSET_DATA_TAIL, tail);
    }

    /** Drops everything unread without decoding it (a benchmark that only needs the ring kept open). */
    public void discard() {
        setDataTail(dataHead());
    }

    /**
     * Decodes every record between data_tail and data_head, then advances data_tail past them.
     * {@code sampleType} is the attr's sample_type: it says which fields a sample carries.
     */
    public List<RingRecord> drain(long sampleType) {
        long head = dataHead();
        long tail = dataTail();
        List<RingRecord> records = new ArrayList<>();
        while (tail < head) {
            ByteBuffer header = copy(tail, HEADER_SIZE);
            int type = header.getInt(0);
            int size = Short.toUnsignedInt(header.getShort(6));
            if (size < HEADER_SIZE || tail + size > head) {
                throw new IllegalStateException("corrupt perf ring: record of size " + size + " at " + tail);
            }
            records.add(decode(type, size, copy(tail, size), sampleType));
            tail += size;
        }
        setDataTail(tail);
        return records;
    }

    private static RingRecord decode(int type, int size, ByteBuffer record, long sampleType) {
        if (type == PERF_RECORD_SAMPLE) {
            return SampleLayout.decode(record, HEADER_SIZE, sampleType);
        }
        if (type == PERF_RECORD_LOST) {
            return new RingRecord.Lost(record.getLong(HEADER_SIZE), record.getLong(HEADER_SIZE + 8));
        }
        return new RingRecord.Other(type, size);
    }

    /** Copies {@code size} bytes at ring position {@code position}, unwrapping the end of the data area. */
    private ByteBuffer copy(long position, int size) {
        byte[] bytes = new byte[size];
        long offset = position % dataSize;
        long first = Math.min(size, dataSize - offset);
        base.read(pageSize + offset, bytes, 0, (int) first);
        if (first < size) {
            base.read(pageSize, bytes, (int) first, (int) (size - first));
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }

    /** munmap; idempotent. */
    public void unmap() {
        if (!mapped) {
            return;
        }
        mapped = false;
        int result = CALLS.munmap(Pointer.nativeValue(base), length);
        if (result < 0) {
            throw new PerfException(PerfOperation.MUNMAP, -result, length / 1024 + " KiB");
        }
    }
}
