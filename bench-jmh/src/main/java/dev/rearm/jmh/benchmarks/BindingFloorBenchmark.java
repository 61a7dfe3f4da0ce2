package dev.rearm.jmh.benchmarks;

import com.sun.jna.Memory;
import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.linux.Arch;
import dev.rearm.perf.linux.LibC;
import dev.rearm.perf.memory.WatchedMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the JVM and JNA add to each op, so the report can show it beside the native harness's
 * figures instead of hiding it in them. Three floors, each through the same direct-mapped
 * {@code LibC} binding the strategies use:
 * <ul>
 *   <li>{@code getpagesize}: a JNA call that makes no syscall (glibc answers from memory):
 *       the Java-to-C round trip alone;</li>
 *   <li>{@code gettid}: the cheapest syscall there is, through the binding;</li>
 *   <li>{@code perfEventId}: ioctl(PERF_EVENT_IOC_ID) on a watchpoint fd, the same Java method
 *       and errno capture as the modify ioctl, on a perf fd, minus the breakpoint work: what
 *       remains of a modify after subtracting it is the kernel's re-arming.</li>
 * </ul>
 * Results are returned, so JMH consumes them and the calls cannot be optimised away.
 */
public class BindingFloorBenchmark extends RearmBenchmark {
    /** _IOC_READ in the asm-generic ioctl encoding (x86_64 and arm64). */
    private static final int IOC_READ = 2;
    /** _IOR('$', 7, __u64 *): the event's unique id. */
    static final long PERF_EVENT_IOC_ID = Arch.current().ioc(IOC_READ, '$', 7, Arch.current().pointerSize());

    @State(Scope.Thread)
    public static class WatchpointFd {
        private final WatchedMemory memory = new WatchedMemory(64);
        private PerfEventAttr attr;
        private PerfEvent event;
        private Memory id;
        int fd;

        @Setup(Level.Trial)
        public void open() {
            attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1);
            event = PerfEvent.open(attr);
            fd = event.fd();
            id = new Memory(8);
        }

        @TearDown(Level.Trial)
        public void close() {
            if (event != null) {
                event.close();
            }
            if (attr != null) {
                attr.close();
            }
            if (id != null) {
                id.close();
            }
        }
    }

    @Benchmark
    public int getpagesize() {
        return LibC.getpagesize();
    }

    @Benchmark
    public int gettid() {
        return LibC.gettid();
    }

    @Benchmark
    public long perfEventId(WatchpointFd watchpoint) {
        LibC.ioctl(watchpoint.fd, PERF_EVENT_IOC_ID, watchpoint.id);
        return watchpoint.id.getLong(0);
    }
}
