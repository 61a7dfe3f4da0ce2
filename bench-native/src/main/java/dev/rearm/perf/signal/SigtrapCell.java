package dev.rearm.perf.signal;

import com.sun.jna.Pointer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's record of its notify=sigtrap traps, in libperfbp's thread-local
 * {@code struct perfbp_sigtrap_cell}: traps received, how many carried another tag than the
 * expected one, the last tag, and the expected tag itself.
 *
 * <p>Java reads and writes the cell as plain memory, so announcing the expected tag before a
 * trapping store adds no native call to the op being measured. A cell belongs to the thread
 * that took it; take it on the thread whose traps it should see.
 */
public final class SigtrapCell {
    private static final int TRAPS = 0;
    private static final int MISMATCHES = 8;
    private static final int LAST_TAG = 16;
    private static final int EXPECTED_TAG = 24;
    private static final int SIZE = 32;
    /** Volatile reads: the handler writes the cell between any two instructions of this thread. */
    private static final VarHandle U64 = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final ByteBuffer cell;

    private SigtrapCell(ByteBuffer cell) {
        this.cell = cell;
    }

    /** The calling thread's cell; installs the handler first, so no trap can arrive before the cell exists. */
    public static SigtrapCell ofThisThread() {
        SigtrapSignals.install();
        return new SigtrapCell(new Pointer(SigtrapSignals.perfbp_sigtrap_cell()).getByteBuffer(0, SIZE)
                .order(ByteOrder.nativeOrder()));
    }

    /**
     * The sig_data the movers give a watchpoint armed at {@code address}: the address itself, so
     * two watched bytes never share a tag and a trap names the address it was armed at.
     */
    public static long tagOf(long address) {
        return address;
    }

    /** Announces the tag the next trap must carry: call it before the store that should trap. */
    public void expect(long tag) {
        // Opaque + a store-store fence, not a volatile store: the tag only has to be written before
        // the trapping store that follows, on this same thread; a full fence would cost more.
        U64.setOpaque(cell, EXPECTED_TAG, tag);
        VarHandle.storeStoreFence();
    }

    public long expectedTag() {
        return (long) U64.getVolatile(cell, EXPECTED_TAG);
    }

    /** TRAP_PERF SIGTRAPs this thread received. */
    public long traps() {
        return (long) U64.getVolatile(cell, TRAPS);
    }

    /** Of those, the ones whose si_perf_data differed from the tag expected when they arrived. */
    public long mismatches() {
        return (long) U64.getVolatile(cell, MISMATCHES);
    }

    /** si_perf_data of the last one. */
    public long lastTag() {
        return (long) U64.getVolatile(cell, LAST_TAG);
    }
}
