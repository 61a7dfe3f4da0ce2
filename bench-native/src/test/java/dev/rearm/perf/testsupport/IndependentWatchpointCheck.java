package dev.rearm.perf.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether this machine can arm a watchpoint and make it fire, found out by the same few lines of
 * C that .ci/run asks ({@code .ci/watchpoint-fires.c}, built by bench-native into
 * {@code target/native/watchpoint-fires}): no mover, no attr encoder, no probe, no libperfbp. The
 * kernel tests' skip gate trusts this, not the probe: a bug in the probe or the movers must show
 * as a failure, never as a machine that "cannot".
 *
 * <p>Why C and not a store from Java: the check must count exactly one store per write. A C
 * {@code volatile char} assignment is one byte store; a store from Java through JNA goes through
 * JNI and libc's memory-copy routines, and under an emulated CPU (QEMU TCG) three such writes were
 * counted nine times while the C check counted three. Asking one binary also means CI's verdict
 * (REARM_REQUIRE_KERNEL or not) and the tests' can never disagree.
 */
public final class IndependentWatchpointCheck {
    private static final Path BREAKPOINT_PMU = Path.of("/sys/bus/event_source/devices/breakpoint");
    static final String BINARY_PROPERTY = "rearm.watchpointFires";

    /** What the check found: the sysfs PMU, an open, and whether stores under it were counted. */
    public record Verdict(boolean pmuInSysfs, boolean opens, boolean fires, String detail) {
        public boolean watchpointsWork() {
            return opens && fires;
        }
    }

    private static Verdict verdict;

    private IndependentWatchpointCheck() {
    }

    public static synchronized Verdict verdict() {
        if (verdict == null) {
            verdict = check(binary());
        }
        return verdict;
    }

    private static Path binary() {
        String configured = System.getProperty(BINARY_PROPERTY);
        if (configured == null) {
            throw new IllegalStateException("-D" + BINARY_PROPERTY + " is not set: run the tests through Maven, which"
                    + " builds .ci/watchpoint-fires.c into bench-native/target/native/watchpoint-fires and names it");
        }
        return Path.of(configured);
    }

    /** Runs the check at {@code binary}: exit 0 fires, 1 opens but never fires, 2 cannot be opened. */
    static Verdict check(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("the independent watchpoint check " + binary + " is not built: run"
                    + " `mvn -pl bench-native generate-resources` (it compiles .ci/watchpoint-fires.c)");
        }
        boolean inSysfs = Files.isDirectory(BREAKPOINT_PMU);
        ChildJvm.Result run = ChildJvm.exec(List.of(binary.toString()));
        String detail = run.stdout().strip() + (inSysfs ? "" : " (no " + BREAKPOINT_PMU + ")");
        return switch (run.exit()) {
            case 0 -> new Verdict(inSysfs, true, true, detail);
            case 1 -> new Verdict(inSysfs, true, false, detail);
            case 2 -> new Verdict(inSysfs, false, false, detail);
            default -> throw new IllegalStateException(binary + " failed: " + run.describe());
        };
    }
}
