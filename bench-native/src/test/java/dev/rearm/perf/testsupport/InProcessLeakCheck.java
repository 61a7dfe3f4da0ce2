package dev.rearm.perf.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Nothing of ours leaked in this JVM since {@code before}: what the code under test owns, perf
 * fds ({@code anon_inode:[perf_event]}) and perf ring mappings, is back where it was, and so is
 * the whole process's set of fds. Other mappings are not compared, named or not: within a running
 * JVM the JIT's code cache, the GC's reserve and malloc's arenas split, join and disappear at any
 * time (a soak once saw 197 mapping lines before and 196 after, perf mappings 0 and 0), and all
 * our code ever maps is a perf ring. The fds the JVM opens for a moment to read its container
 * limits (/sys/fs/cgroup/..., read by HotSpot's compiler threads when they size themselves) are
 * left out: our code never opens one.
 */
public final class InProcessLeakCheck {
    private InProcessLeakCheck() {
    }

    public static void assertNothingLeaked(ProcessResources before) {
        ProcessResources after = settledSnapshot(before);
        assertThat(after.perfFds()).as("perf fds").isEqualTo(before.perfFds());
        assertThat(after.perfMappings()).as("perf ring mappings").isEqualTo(before.perfMappings());
        assertThat(ours(after.fdTargets())).as(() -> "all fds: " + before.fdDifferenceTo(after))
                .isEqualTo(ours(before.fdTargets()));
    }

    /**
     * A leak stays; the JVM's own transient fds (a class path jar reopened while loading a class,
     * a cgroup limit read) close again within moments. So a differing snapshot is retaken a few
     * times before it counts.
     */
    private static ProcessResources settledSnapshot(ProcessResources before) {
        ProcessResources after = ProcessResources.now();
        for (int retry = 0; retry < 10 && !same(before, after); retry++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            after = ProcessResources.now();
        }
        return after;
    }

    private static boolean same(ProcessResources before, ProcessResources after) {
        return ours(before.fdTargets()).equals(ours(after.fdTargets()))
                && before.perfFds() == after.perfFds() && before.perfMappings() == after.perfMappings();
    }

    /**
     * Fd targets but the JVM's transient reads of its cgroup limits, and fds that closed while
     * /proc/self/fd was being listed (their target reads as "", printed as nothing in a diff).
     */
    private static List<String> ours(List<String> fdTargets) {
        return fdTargets.stream().filter(target -> !target.isEmpty() && !target.startsWith("/sys/fs/cgroup/"))
                .sorted().toList();
    }
}
