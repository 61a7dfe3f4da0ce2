package dev.rearm.perf.testsupport;

import static org.assertj.core.api.Assertions.assertThat;


/**
 * Asserts how many times the traps of a test's stores were counted (by read(), ring samples or
 * signals): exactly once each on a CPU. Under QEMU's TCG (the emulated guest CI runs the trap
 * tests in, on Debian's Linux 6.1) a store from the JVM is now and then counted more than once, in
 * one or two tests of each run of the tagged tests: 23 ring samples for one store after a modify;
 * 1056 signals for 1000 traps whose read() said 1000; a SIGTRAP after a store to the address a
 * reopen had just left. C stores (the native harness, whose premise and liveness checks held in
 * every guest run, and .ci/watchpoint-fires) and 48,000 JVM moves and stores run alone were
 * counted exactly. There, and only there, a count may exceed the stores but never fall short: a
 * lost or missing trap still fails. On a CPU every count is exact.
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
