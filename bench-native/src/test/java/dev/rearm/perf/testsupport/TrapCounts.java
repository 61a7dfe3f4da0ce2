package dev.rearm.perf.testsupport;

import static org.assertj.core.api.Assertions.assertThat;


/**
 * Asserts how many times the traps of a test's stores were counted (by read(), ring samples or
 * signals): exactly once each on a CPU. Under QEMU's TCG (the emulated guest CI runs the trap
 * tests in, on Debian's Linux 6.1) the JVM's stores were now and then counted more than once: 23
 * ring samples for one store after a modify; 1056 signals for 1000 traps whose read() said 1000.
 * The samples' IPs showed why: TCG checks watchpoints per page and reported libc memcpy/strcpy
 * stores into malloc'd neighbours on the watched page as hits. {@link
 * dev.rearm.perf.memory.WatchedMemory} now gives the watched bytes pages of their own, which ended
 * them in a loop that reproduced them; the margin stays for what a test itself does on a watched
 * page. There, and only there, a count may exceed the stores but never fall short: a lost or
 * missing trap still fails. On a CPU every count is exact.
 */
public final class TrapCounts {

    private TrapCounts() {
    }

    /** Fails unless {@code counted} is {@code expected} (on QEMU's TCG: at least {@code expected}). */
    public static void assertCounted(String what, long counted, long expected) {
        assertCounted(EmulatedCpu.here(), what, counted, expected);
    }

    static void assertCounted(boolean emulatedCpu, String what, long counted, long expected) {
        if (emulatedCpu) {
            assertThat(counted).as("%s (on QEMU's TCG a trap may be counted more than once, never less)", what)
                    .isGreaterThanOrEqualTo(expected);
        } else {
            assertThat(counted).as(what).isEqualTo(expected);
        }
    }
}
