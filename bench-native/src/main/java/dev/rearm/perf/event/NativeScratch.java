package dev.rearm.perf.event;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Small per-thread native buffers for calls that take a pointer (read's u64, F_SETOWN_EX's
 * struct). Reused so that reopening an event on the hot path allocates no native memory.
 */
final class NativeScratch {
    private static final ThreadLocal<NativeScratch> PER_THREAD = ThreadLocal.withInitial(NativeScratch::new);

    final Memory u64 = new Memory(8);
    final long u64Address = Pointer.nativeValue(u64);
    final Memory ownerEx = new Memory(8);
    final long ownerExAddress = Pointer.nativeValue(ownerEx);

    static NativeScratch get() {
        return PER_THREAD.get();
    }
}
