package dev.rearm.jmh.benchmarks;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.event.PerfEvent;
import dev.rearm.perf.event.PerfEventAttr;
import dev.rearm.perf.linux.Arch;
import dev.rearm.perf.linux.Binding;
import dev.rearm.perf.linux.PerfCalls;
import dev.rearm.perf.memory.WatchedMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the JVM and the binding add to each op, so the report can show it beside the native
 * harness's figures instead of hiding it in them. Each floor runs through both bindings of the
 * perf calls ({@code binding}: jna, jni; the strategies use the one {@code -Drearm.binding}
 * selects, JNI by default), because JNA's dispatch alone measured ~250 ns a call here, enough
 * to move the modify figure ~12% away from C:
 * <ul>
 *   <li>{@code getpagesize}: a call that makes no syscall (glibc answers from memory):
 *       the Java-to-C round trip alone;</li>
 *   <li>{@code gettid}: the cheapest syscall there is, through the binding;</li>
 *   <li>{@code perfEventId}: ioctl(PERF_EVENT_IOC_ID) on a watchpoint fd, the same Java method
 *       and -errno check as the modify ioctl, on a perf fd, minus the breakpoint work: what
 *       remains of a modify after subtracting it is the kernel's re-arming.</li>
 * </ul>
 * Results are returned, so JMH consumes them and the calls cannot be optimised away. JMH runs
 * each binding in forks of its own, so each fork's call site sees one implementation.
 */
public class BindingFloorBenchmark extends RearmBenchmark {
    /** _IOC_READ in the asm-generic ioctl encoding (x86_64 and arm64). */
    private static final int IOC_READ = 2;
    /** _IOR('$', 7, __u64 *): the event's unique id. */
    static final long PERF_EVENT_IOC_ID = Arch.current().ioc(IOC_READ, '$', 7, Arch.current().pointerSize());

    @State(Scope.Thread)
    public static class Calls {
        @Param({"jna", "jni"})
        public String binding;
        PerfCalls calls;

        @Setup(Level.Trial)
        public void load() {
            calls = Binding.parse(binding).calls();
        }
    }

    @State(Scope.Thread)
    public static class WatchpointFd {
        private final WatchedMemory memory = new WatchedMemory(64);
        private PerfEventAttr attr;
        private PerfEvent event;
        private Memory id;
        int fd;
        long idAddress;

        @Setup(Level.Trial)
        public void open() {
            attr = PerfEventAttr.breakpoint(BreakpointType.W, memory.address(0), 1);
            event = PerfEvent.open(attr);
            fd = event.fd();
            id = new Memory(8);
            idAddress = Pointer.nativeValue(id);
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
    public int getpagesize(Calls binding) {
        return binding.calls.getpagesize();
    }

    @Benchmark
    public int gettid(Calls binding) {
        return binding.calls.gettid();
    }

    @Benchmark
    public int perfEventId(Calls binding, WatchpointFd watchpoint) {
        // The id the kernel writes is not read back: a JNA Memory read would add a native call of its own.
        int result = binding.calls.ioctl(watchpoint.fd, PERF_EVENT_IOC_ID, watchpoint.idAddress);
        if (result < 0) {
            throw new IllegalStateException("ioctl(PERF_EVENT_IOC_ID) failed with errno " + -result);
        }
        return result;
    }
}
