package dev.rearm.perf.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Nothing of ours leaked in this JVM since {@code before}: every fd, every perf ring mapping,
 * and every named mapping is back. Unnamed anonymous mappings are left out on purpose: within a
 * running test JVM the JIT, the GC and malloc arenas split and join them at any time (seen here
 * under load), while all our code maps is a perf ring ({@code anon_inode:[perf_event]}, named).
 * The leak soak (hostile.MoveSoak) counts every mapping line in a child JVM set up to hold still.
 * Likewise fds the JVM opens for a moment to read its container limits (/sys/fs/cgroup/..., read
 * by HotSpot's compiler threads when they size themselves) are left out: our code never opens one.
 */
public final class InProcessLeakCheck {
    private InProcessLeakCheck() {
    }

    public static void assertNothingLeaked(ProcessResources before) {
        ProcessResources after = settledSnapshot(before);
        assertThat(after.perfFds()).as("perf fds").isEqualTo(before.perfFds());
        assertThat(after.perfMappings()).as("perf ring mappings").isEqualTo(before.perfMappings());
        assertThat(ours(after.fdTargets())).as(() -> "all fds: " + before.differenceTo(after))
                .isEqualTo(ours(before.fdTargets()));
        assertThat(named(after.mapLines())).as(() -> "named mappings: " + before.differenceTo(after))
                .isEqualTo(named(before.mapLines()));
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
                && named(before.mapLines()).equals(named(after.mapLines()))
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

    /** Mappings with a path or name (the sixth field of a maps line), in order. */
    private static List<String> named(List<String> mapLines) {
        return mapLines.stream().filter(line -> line.trim().split("\\s+").length >= 6).toList();
    }
}
