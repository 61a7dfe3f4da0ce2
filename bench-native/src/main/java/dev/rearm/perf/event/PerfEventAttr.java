package dev.rearm.perf.event;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@code struct perf_event_attr} encoded once into native memory.
 *
 * <p>Not a JNA {@code Structure}: a Structure copies every field to native memory on each call,
 * which would cost more than the ioctl we measure. Hot paths rewrite only {@code bp_addr},
 * {@code bp_type}, {@code bp_len} and {@code disabled} at their offsets (pinned against the C
 * header by a test that compiles {@code offsetof} with gcc).
 *
 * <p>Fields are read and written through a direct {@link ByteBuffer} over the same memory, not
 * JNA's {@code Memory.setLong}: the JIT compiles a buffer store to one instruction, while each
 * JNA accessor is a native call of its own, on the hot path next to the ioctl being measured.
 */
public final class PerfEventAttr implements AutoCloseable {
    /** sizeof(struct perf_event_attr) in linux 6.x (PERF_ATTR_SIZE_VER8); older kernels accept it when the tail is zero. */
    public static final int SIZE = 136;

    public static final int OFFSET_TYPE = 0;
    public static final int OFFSET_SIZE = 4;
    public static final int OFFSET_CONFIG = 8;
    public static final int OFFSET_SAMPLE_PERIOD = 16;
    public static final int OFFSET_SAMPLE_TYPE = 24;
    public static final int OFFSET_READ_FORMAT = 32;
    /** The u64 holding the bitfield flags: disabled is bit 0. */
    public static final int OFFSET_FLAGS = 40;
    public static final int OFFSET_WAKEUP_EVENTS = 48;
    public static final int OFFSET_BP_TYPE = 52;
    public static final int OFFSET_BP_ADDR = 56;
    public static final int OFFSET_BP_LEN = 64;
    /** u64 handed back in si_perf_data by a sigtrap event (PERF_ATTR_SIZE_VER7, Linux 5.13+). */
    public static final int OFFSET_SIG_DATA = 120;

    /** perf_type_id: PERF_TYPE_SOFTWARE. */
    public static final int PERF_TYPE_SOFTWARE = 1;
    /** perf_type_id: PERF_TYPE_BREAKPOINT. */
    public static final int PERF_TYPE_BREAKPOINT = 5;

    /** perf_sw_ids: PERF_COUNT_SW_CPU_CLOCK. */
    public static final long PERF_COUNT_SW_CPU_CLOCK = 0;
    /** perf_sw_ids: PERF_COUNT_SW_TASK_CLOCK. */
    public static final long PERF_COUNT_SW_TASK_CLOCK = 1;
    /** perf_sw_ids: PERF_COUNT_SW_PAGE_FAULTS. */
    public static final long PERF_COUNT_SW_PAGE_FAULTS = 2;
    /** perf_sw_ids: PERF_COUNT_SW_DUMMY (counts nothing; useful to hold a ring). */
    public static final long PERF_COUNT_SW_DUMMY = 9;

    /** perf_event_sample_format: the instruction pointer. */
    public static final long PERF_SAMPLE_IP = 1L;
    /** perf_event_sample_format: the thread and process id. */
    public static final long PERF_SAMPLE_TID = 1L << 1;
    /** perf_event_sample_format: the timestamp. */
    public static final long PERF_SAMPLE_TIME = 1L << 2;
    /** perf_event_sample_format: the data address (a breakpoint reports its bp_addr). */
    public static final long PERF_SAMPLE_ADDR = 1L << 3;

    static final long FLAG_DISABLED = 1L;
    static final long FLAG_EXCLUDE_KERNEL = 1L << 5;
    static final long FLAG_EXCLUDE_HV = 1L << 6;
    /** The event is removed from the task on exec: the kernel requires it with sigtrap (EINVAL otherwise). */
    static final long FLAG_REMOVE_ON_EXEC = 1L << 36;
    /** Send a synchronous SIGTRAP (si_code TRAP_PERF, si_perf_data = sig_data) on every overflow. */
    static final long FLAG_SIGTRAP = 1L << 37;

    private final Memory memory = new Memory(SIZE);
    /** The memory's address, for the perf calls (which take addresses, not JNA Pointers). */
    private final long address = Pointer.nativeValue(memory);
    /** The same memory as a buffer; null once closed, so a late access fails instead of reaching freed memory. */
    private ByteBuffer fields = memory.getByteBuffer(0, SIZE).order(ByteOrder.nativeOrder());

    private PerfEventAttr(int type, long config) {
        memory.clear();
        fields.putInt(OFFSET_TYPE, type);
        fields.putInt(OFFSET_SIZE, SIZE);
        fields.putLong(OFFSET_CONFIG, config);
    }

    /**
     * A user-space watchpoint as the original tests build it: one sample per trap (so the counter
     * counts traps and each trap can wake a reader or send a signal), IP and ADDR in each sample,
     * user space only (what perf_event_paranoid=2 allows), armed at once.
     */
    public static PerfEventAttr breakpoint(BreakpointType type, long address, int length) {
        PerfEventAttr attr = new PerfEventAttr(PERF_TYPE_BREAKPOINT, 0);
        attr.fields.putLong(OFFSET_SAMPLE_PERIOD, 1);
        attr.fields.putLong(OFFSET_SAMPLE_TYPE, PERF_SAMPLE_IP | PERF_SAMPLE_ADDR);
        attr.fields.putLong(OFFSET_FLAGS, FLAG_EXCLUDE_KERNEL | FLAG_EXCLUDE_HV);
        attr.fields.putInt(OFFSET_WAKEUP_EVENTS, 1);
        attr.setBpType(type);
        attr.setBpAddr(address);
        attr.setBpLen(length);
        return attr;
    }

    /** A software counting event (e.g. page faults) for tests of what modify refuses. */
    public static PerfEventAttr software(long config) {
        PerfEventAttr attr = new PerfEventAttr(PERF_TYPE_SOFTWARE, config);
        attr.fields.putLong(OFFSET_FLAGS, FLAG_EXCLUDE_KERNEL | FLAG_EXCLUDE_HV);
        return attr;
    }

    /** The native memory the kernel reads; valid until {@link #close()}. */
    public Pointer pointer() {
        return memory;
    }

    /** The address of the native memory the kernel reads; valid until {@link #close()}. */
    public long address() {
        return address;
    }

    public void setBpAddr(long address) {
        fields().putLong(OFFSET_BP_ADDR, address);
    }

    public long bpAddr() {
        return fields().getLong(OFFSET_BP_ADDR);
    }

    public void setBpType(BreakpointType type) {
        fields().putInt(OFFSET_BP_TYPE, type.bits());
    }

    public int bpTypeBits() {
        return fields().getInt(OFFSET_BP_TYPE);
    }

    public void setBpLen(long length) {
        fields().putLong(OFFSET_BP_LEN, length);
    }

    public long bpLen() {
        return fields().getLong(OFFSET_BP_LEN);
    }

    /**
     * Makes every trap send a synchronous SIGTRAP carrying {@code tag} in si_perf_data
     * (notify=sigtrap): sets sigtrap and the remove_on_exec the kernel demands with it.
     */
    public void setSigtrap(long tag) {
        ByteBuffer open = fields();
        open.putLong(OFFSET_FLAGS, open.getLong(OFFSET_FLAGS) | FLAG_SIGTRAP | FLAG_REMOVE_ON_EXEC);
        open.putLong(OFFSET_SIG_DATA, tag);
    }

    public boolean sigtrap() {
        return (fields().getLong(OFFSET_FLAGS) & FLAG_SIGTRAP) != 0;
    }

    /** The tag the next SIGTRAP carries; the modify ioctl passes a new one to the kernel since Linux 5.17. */
    public void setSigData(long tag) {
        fields().putLong(OFFSET_SIG_DATA, tag);
    }

    public long sigData() {
        return fields().getLong(OFFSET_SIG_DATA);
    }

    public void setDisabled(boolean disabled) {
        long flags = fields().getLong(OFFSET_FLAGS);
        fields().putLong(OFFSET_FLAGS, disabled ? flags | FLAG_DISABLED : flags & ~FLAG_DISABLED);
    }

    public boolean disabled() {
        return (fields().getLong(OFFSET_FLAGS) & FLAG_DISABLED) != 0;
    }

    public long sampleType() {
        return fields().getLong(OFFSET_SAMPLE_TYPE);
    }

    /**
     * Writes any u64 field: for tests that change a field the modify ioctl must refuse, and for
     * callers that need a field this class has no setter for. Offsets are those of the C struct.
     */
    public void setRawLong(int offset, long value) {
        fields().putLong(offset, value);
    }

    public long rawLong(int offset) {
        return fields().getLong(offset);
    }

    /** A separate copy, so one attr can be changed while the other is in use. */
    public PerfEventAttr copy() {
        PerfEventAttr copy = new PerfEventAttr(0, 0);
        copy.memory.write(0, memory.getByteArray(0, SIZE), 0, SIZE);
        return copy;
    }

    @Override
    public void close() {
        fields = null;
        memory.close();
    }

    private ByteBuffer fields() {
        ByteBuffer open = fields;
        if (open == null) {
            throw new IllegalStateException("this perf_event_attr was closed; its native memory is freed");
        }
        return open;
    }
}
