package dev.rearm.perf.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.HostPrecondition;
import java.nio.file.Path;
import java.util.List;

/**
 * The refusals users meet, produced for real by {@code perfbp-refuse}: a seccomp filter makes
 * the kernel itself answer the call with the errno, in a child process and everything it runs.
 * Each one names the words its explanation must contain so a user knows what to do.
 */
enum KernelRefusal {
    /** Docker's default seccomp profile, or an LSM: EPERM even though paranoid allows watching. */
    OPEN_EPERM("--open", "EPERM", "perf_event_open failed with EPERM", "perf_event_paranoid", "CAP_PERFMON"),
    /** A sandbox that pretends the syscall does not exist. */
    OPEN_ENOSYS("--open", "ENOSYS", "perf_event_open failed with ENOSYS", "seccomp"),
    /** A VM or container without a breakpoint PMU. */
    OPEN_ENOENT("--open", "ENOENT", "perf_event_open failed with ENOENT", "no hardware breakpoint PMU"),
    /** A kernel older than 4.17: watchpoints work, moving one in place does not. */
    MODIFY_ENOTTY("--modify", "ENOTTY", "ioctl(PERF_EVENT_IOC_MODIFY_ATTRIBUTES) failed with ENOTTY", "4.17",
            "only the reopen strategy");

    private final String option;
    private final String errno;
    private final List<String> explanation;

    KernelRefusal(String option, String errno, String... explanation) {
        this.option = option;
        this.errno = errno;
        this.explanation = List.of(explanation);
    }

    /** True when perf_event_open itself is refused (nothing can be opened), false for the modify ioctl. */
    boolean refusesOpen() {
        return "--open".equals(option);
    }

    /** The words a user must read in the reason (the call, the errno, what to do). */
    List<String> explanation() {
        return explanation;
    }

    /** The command prefix that runs the rest under this refusal. */
    List<String> launcher() {
        Path tool = ChildJvm.buildDirectory().resolve("native/perfbp-refuse");
        assertThat(tool).as("perfbp-refuse is built by 'make' in generate-resources").isExecutable();
        return List.of(tool.toString(), option, errno, "--");
    }

    /** Runs {@code mainClass} in a child JVM under this refusal; skips where seccomp filters are unavailable. */
    ChildJvm.Result runJava(String mainClass, String... args) {
        // The child's kernel tests are meant to skip under the refusal: REARM_REQUIRE_KERNEL must not fail them.
        ChildJvm.Result result = new ChildJvm().launcher(launcher()).environment("REARM_REQUIRE_KERNEL", "0")
                .run(mainClass, args);
        HostPrecondition.assume(!(result.exit() == 1 && result.stderr().startsWith("perfbp-refuse: cannot install")),
                () -> "no seccomp filter here, so no refusal can be produced: " + result.stderr().trim());
        return result;
    }
}
