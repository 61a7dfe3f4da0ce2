package dev.rearm.jmh.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrapLedgerTest {

    @Test
    void agreeingSourcesPassTheIteration() {
        TrapLedger ledger = new TrapLedger().expect("the kernel's counters", 30, 30, "traps")
                .expect("the rings", 720, 720, "bytes").expect("this thread's signals", 30, 30, "signals");
        assertThat(ledger.mismatches()).isEmpty();
        assertThatCode(() -> ledger.verify("modify trapEvery=1")).doesNotThrowAnyException();
    }

    @Test
    void aMissingTrapFailsTheIterationNamingTheSourceAndBothCounts() {
        TrapLedger ledger = new TrapLedger().expect("the kernel's counters", 30, 29, "traps")
                .expect("the rings", 720, 720, "bytes");
        assertThatThrownBy(() -> ledger.verify("modify trapEvery=1"))
                .isInstanceOf(PremiseViolation.class)
                .hasMessage("modify trapEvery=1: premise failed: the kernel's counters: 29 traps where 30 were expected");
    }

    /** A never-trapping run that traps, and a disarmed watchpoint that no longer does: both fail. */
    @Test
    void oneTrapTooManyAndADeadWatchpointAreBothNamed() {
        TrapLedger ledger = new TrapLedger().expect("the kernel's counters", 0, 1, "traps")
                .expect("liveness: stores at each slot's current address", 2, 0, "traps");
        assertThat(ledger.mismatches()).containsExactly(
                "the kernel's counters: 1 traps where 0 were expected",
                "liveness: stores at each slot's current address: 0 traps where 2 were expected");
    }

    @Test
    void aSourceIsRecordedOncePerIteration() {
        TrapLedger ledger = new TrapLedger().expect("the rings", 0, 0, "bytes");
        assertThatThrownBy(() -> ledger.expect("the rings", 0, 0, "bytes")).isInstanceOf(IllegalArgumentException.class);
        ledger.clear();
        assertThatCode(() -> ledger.expect("the rings", 0, 0, "bytes")).doesNotThrowAnyException();
    }
}
