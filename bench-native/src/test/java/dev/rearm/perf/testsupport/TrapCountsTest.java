package dev.rearm.perf.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A trap count is exact on a CPU; on QEMU's TCG it may exceed the stores but never fall short. */
class TrapCountsTest {
    @Test
    void onACpuOnlyTheExactCountPasses() {
        assertThatCode(() -> TrapCounts.assertCounted(false, "traps", 1000, 1000)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TrapCounts.assertCounted(false, "traps", 1056, 1000)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("traps");
        assertThatThrownBy(() -> TrapCounts.assertCounted(false, "traps", 999, 1000)).isInstanceOf(AssertionError.class);
    }

    @Test
    void onTheEmulatedCpuMoreIsAllowedButNeverFewer() {
        assertThatCode(() -> TrapCounts.assertCounted(true, "traps", 1056, 1000)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TrapCounts.assertCounted(true, "traps", 999, 1000)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("never less");
    }
}
