package dev.rearm.perf.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.KernelSupport;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Some of the kernel-semantics tests, run in a child JVM on a kernel that refuses for real
 * (seccomp): each one that needs what is refused is skipped with the probe's reason, none fails.
 * Where only the modify ioctl is refused, the reopen tests still run and pass.
 */
@Tag(KernelSupport.TRAPS_TAG)
class KernelTestsSkipUnderRefusalTest {
    /** Small kernel tests covering both strategies, slots, signals and trap counts (~1 s together). */
    private static final String[] KERNEL_TESTS = {
        "dev.rearm.perf.semantics.DebugRegisterSlotsTest",
        "dev.rearm.perf.semantics.ModifySemanticsTest",
        "dev.rearm.perf.semantics.SignalDeliveryTest",
        "dev.rearm.perf.semantics.TrapCountAgreementTest",
    };

    /** One test's outcome as the child printed it. */
    private record Outcome(String status, String test, String reason) {
        static Outcome parse(String line) {
            String[] fields = line.split("\t", 3);
            return new Outcome(fields[0], fields[1], fields.length > 2 ? fields[2] : "");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KernelRefusal.class)
    void kernelTestsSkipWithTheProbesReasonInsteadOfFailing(KernelRefusal refusal) {
        if (!refusal.refusesOpen()) {
            // The reopen tests that must still pass here need a watchpoint that fires.
            KernelSupport.assumeTraps();
        }
        ChildJvm.Result run = refusal.runJava(KernelTestsInChild.class.getName(), KERNEL_TESTS);

        assertThat(run.exit()).as(run::describe).isZero();
        List<Outcome> outcomes = Arrays.stream(run.stdout().split("\n"))
                .filter(line -> line.contains("\t")).map(Outcome::parse).toList();
        List<Outcome> skipped = outcomes.stream().filter(o -> o.status().equals("ABORTED")).toList();
        List<Outcome> passed = outcomes.stream().filter(o -> o.status().equals("SUCCESSFUL")).toList();
        System.out.printf("under %s: %d kernel tests skipped, %d passed, e.g. skip reason: %s%n", refusal,
                skipped.size(), passed.size(), skipped.isEmpty() ? "-" : skipped.get(0).reason());

        assertThat(outcomes).as(run::describe).isNotEmpty()
                .allSatisfy(o -> assertThat(o.status()).as(o.test()).isIn("ABORTED", "SUCCESSFUL"));
        assertThat(skipped).as(run::describe).isNotEmpty()
                .allSatisfy(o -> assertThat(o.reason()).as(o.test()).contains(refusal.explanation()));
        if (refusal.refusesOpen()) {
            assertThat(passed).as("nothing can run without perf_event_open").isEmpty();
        } else {
            assertThat(skipped).allSatisfy(o -> assertThat(o.reason()).contains("PERF_EVENT_IOC_MODIFY_ATTRIBUTES"));
            assertThat(passed).as("the reopen tests still run").isNotEmpty()
                    .noneSatisfy(o -> assertThat(o.test()).contains("MODIFY"));
        }
    }
}
