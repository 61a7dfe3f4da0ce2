package dev.rearm.perf.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * EPERM/EACCES from perf_event_open: only where perf_event_paranoid forbids watching (3 or more)
 * is lowering it the advice; at 2 or lower something else refuses (seccomp, a security module).
 */
class PermissionAdviceTest {

    @Test
    void highParanoidAdvisesLoweringIt() {
        assertThat(PerfErrorAdvice.permissionAdvice("3"))
                .contains("perf_event_paranoid is 3").contains("sysctl kernel.perf_event_paranoid=2")
                .contains("CAP_PERFMON").contains("root");
    }

    @Test
    void paranoidThatAllowsWatchingPointsAtSeccompInstead() {
        assertThat(PerfErrorAdvice.permissionAdvice("2"))
                .contains("perf_event_paranoid is 2").contains("seccomp").contains("CAP_PERFMON").contains("root")
                .doesNotContain("sysctl");
    }

    @Test
    void unreadableParanoidKeepsTheGeneralAdvice() {
        assertThat(PerfErrorAdvice.permissionAdvice("unknown"))
                .contains("perf_event_paranoid is unknown").contains("sysctl").contains("seccomp");
    }
}
