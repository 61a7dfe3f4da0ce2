package dev.rearm.perf.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.memory.WatchedMemory;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak check fails on what the code under test could leak (a perf fd with its ring, any fd)
 * and stays quiet about mappings the JVM makes or drops on its own: the leak tests that use it
 * can fail, and only for a leak.
 */
class InProcessLeakCheckTest {
    private final WatchedMemory memory = new WatchedMemory(64);

    @TempDir
    Path dir;

    @Test
    void aPerfFdLeftOpenFailsTheCheck() {
        KernelSupport.assumeBreakpoints();
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1)) {
            PerfEvent.open(attr).close(); // loads what opening needs, before counting
            ProcessResources before = ProcessResources.now();

            try (PerfEvent leaked = PerfEvent.open(attr)) {
                assertThatThrownBy(() -> InProcessLeakCheck.assertNothingLeaked(before))
                        .isInstanceOf(AssertionError.class).hasMessageContaining("perf fds");
            }
            InProcessLeakCheck.assertNothingLeaked(before);
        }
    }

    @Test
    void aRingLeftMappedFailsTheCheck() {
        KernelSupport.assumeBreakpoints();
        try (PerfEventAttr attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1);
                PerfEvent event = PerfEvent.open(attr)) {
            ProcessResources before = ProcessResources.now();

            event.mapRing(1);
            try {
                assertThatThrownBy(() -> InProcessLeakCheck.assertNothingLeaked(before))
                        .isInstanceOf(AssertionError.class).hasMessageContaining("perf ring mappings");
            } finally {
                event.unmapRing();
            }
            InProcessLeakCheck.assertNothingLeaked(before);
        }
    }

    @Test
    void aFileLeftOpenFailsTheCheck() throws IOException {
        Path file = Files.writeString(dir.resolve("left-open"), "x");
        ProcessResources before = ProcessResources.now();

        try (FileChannel leaked = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> InProcessLeakCheck.assertNothingLeaked(before))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("all fds")
                    .hasMessageContaining(file.toString());
        }
    }

    @Test
    void aMappingThatIsNotAPerfRingIsNotALeak() throws IOException {
        // Stands for the JVM's own arenas, code cache and GC reserve: mapped and unmapped at any
        // time, by nothing the tests exercise. Its fd is closed; only the mapping stays.
        Path file = Files.write(dir.resolve("mapped"), new byte[1 << 16]);
        ProcessResources before = ProcessResources.now();

        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, 1 << 16);
        }

        assertThatCode(() -> InProcessLeakCheck.assertNothingLeaked(before)).doesNotThrowAnyException();
        mapped.get(0); // keeps the mapping reachable until the check is done
    }
}
