package dev.rearm.perf.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.rearm.perf.linux.Mman;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The watched bytes sit on pages nothing else is allocated in: the emulated CPU reports stores
 * elsewhere on a watched page as hits, so a neighbour's memcpy would look like a trap of ours.
 */
class WatchedMemoryTest {
    private static final long PAGE = Mman.pageSize();

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 64, 2064, 4096, 4097, 3 * 4096 + 1})
    void startsOnAPageBoundaryAndNoAllocationMadeAfterItLandsOnItsPages(int size) {
        WatchedMemory memory = new WatchedMemory(size);
        long first = memory.address(0);
        long end = pageEnd(memory.address(size - 1));
        assertThat(first % PAGE).as("offset of byte 0 in its page").isZero();

        List<ByteBuffer> neighbours = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ByteBuffer neighbour = ByteBuffer.allocateDirect(16 + i % 48);
            neighbours.add(neighbour);
            long at = Pointer.nativeValue(Native.getDirectBufferPointer(neighbour));
            assertThat(at < first || at >= end)
                    .as("a %d-byte allocation at %#x is outside the watched pages [%#x, %#x)",
                            neighbour.capacity(), at, first, end)
                    .isTrue();
        }
        memory.store(size - 1, (byte) 7);
        assertThat(memory.load(size - 1)).isEqualTo((byte) 7);
        assertThat(memory.size()).isEqualTo(size);
        assertThat(neighbours).hasSize(200);
    }

    @Test
    void refusesAnEmptySizeNamingIt() {
        assertThatThrownBy(() -> new WatchedMemory(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be at least 1 byte, got 0");
    }

    private static long pageEnd(long address) {
        return (address / PAGE + 1) * PAGE;
    }
}
