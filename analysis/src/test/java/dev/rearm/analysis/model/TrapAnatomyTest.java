package dev.rearm.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.load.AnatomyPart;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrapAnatomyTest {
    /** A part whose figures come from one process per value, as a multi-process harness would write them. */
    private static AnatomyPart part(String name, String kind, double... perTrapNs) {
        AnatomyPart rounds = roundsOfOneProcess(name, kind, perTrapNs);
        return new AnatomyPart(name, kind, null, rounds.trapNsPerOp(), rounds.plainNsPerOp(), perTrapNs.length);
    }

    private static AnatomyPart roundsOfOneProcess(String name, String kind, double... perTrapNs) {
        double[] plain = new double[perTrapNs.length];
        double[] trap = new double[perTrapNs.length];
        for (int i = 0; i < trap.length; i++) {
            plain[i] = 2.0;
            trap[i] = perTrapNs[i] + 2.0;
        }
        return new AnatomyPart(name, kind, null, trap, plain);
    }

    private static final List<AnatomyPart> HOST = List.of(
            part("count", "watchpoint", 9000, 9100, 8900),
            part("ring", "watchpoint", 9500, 9600, 9400),
            part("ring-wakeup", "watchpoint", 18500, 18300, 18400),
            part("ring-signal", "watchpoint", 24000, 24200, 23800),
            new AnatomyPart("sigtrap", "watchpoint", "perf_event_open refused this configuration: EINVAL",
                    new double[0], new double[0]),
            part("int3", "reference", 2400, 2500, 2300),
            part("single-step", "reference", 10700, 10800, 10600));

    @Test
    void eachPartCostsItsTrappingLoopLessItsPlainLoopWithATInterval() {
        TrapAnatomy anatomy = TrapAnatomy.of(HOST);
        var count = anatomy.part("count").orElseThrow().nsPerTrap();
        assertThat(count.point()).isCloseTo(9000, within(1e-6));
        // mean 9000, sd 100, n 3: half-width t(2, .975) = 4.303 x 100 / sqrt(3) = 248.4
        assertThat(count.high() - count.point()).isCloseTo(248.4, within(0.1));
        assertThat(anatomy.part("sigtrap")).isEmpty();
        assertThat(anatomy.parts()).filteredOn(p -> !p.measured()).singleElement()
                .satisfies(p -> assertThat(p.notRunReason()).contains("EINVAL"));
    }

    @Test
    void piecesAreDifferencesOfPartsAndOnlyWhereBothPartsRan() {
        TrapAnatomy anatomy = TrapAnatomy.of(HOST);
        assertThat(anatomy.piece("debugExceptionExtra").orElseThrow().ns().point()).isCloseTo(8300, within(1e-6));
        assertThat(anatomy.piece("wakeup").orElseThrow().ns().point()).isCloseTo(8900, within(1e-6));
        assertThat(anatomy.piece("signal").orElseThrow().ns().point()).isCloseTo(5600, within(1e-6));
        assertThat(anatomy.piece("sigtrapBeyondCount")).as("sigtrap was not run").isEmpty();
    }

    @Test
    void theSentenceNamesAnInterceptedDebugExceptionAndTheWakeup() {
        assertThat(TrapAnatomy.of(HOST).why()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("a #DB costs 8.3 µs [")
                .contains("a sign that the hypervisor intercepts debug exceptions")
                .contains("the per-sample wakeup adds 8.9 µs ["));
    }

    @Test
    void roundsOfOneProcessNameNoSignEitherWay() {
        // The HOST figures as today's harness writes them: three rounds of one process.
        TrapAnatomy oneProcess = TrapAnatomy.of(List.of(roundsOfOneProcess("int3", "reference", 2400, 2500, 2300),
                roundsOfOneProcess("single-step", "reference", 10700, 10800, 10600)));
        assertThat(oneProcess.why()).hasValueSatisfying(why -> assertThat(why).startsWith("a #DB costs 8.3 µs [")
                .contains("rounds of one process").doesNotContain(", a sign that").doesNotContain("bare metal shows"));
    }

    @Test
    void fewerThanThreeRoundsNameNoSignEitherWay() {
        TrapAnatomy twoRounds = TrapAnatomy.of(List.of(part("int3", "reference", 2400, 2500),
                part("single-step", "reference", 10700, 10800)));
        assertThat(twoRounds.why()).hasValueSatisfying(why -> assertThat(why).contains("too few to tell")
                .doesNotContain(", a sign that").doesNotContain("bare metal shows"));
    }

    @Test
    void aDebugExceptionThatCostsAboutABreakpointIsNotCalledIntercepted() {
        TrapAnatomy bare = TrapAnatomy.of(List.of(part("int3", "reference", 900, 950, 920),
                part("single-step", "reference", 1100, 1150, 1120)));
        assertThat(bare.why()).hasValueSatisfying(why -> assertThat(why).contains("about what bare metal shows")
                .doesNotContain("intercepts"));
    }

    @Test
    void theWhatIfTakesTheDebugInterceptOutOfTheHeadlineTrap() {
        assertThat(TrapAnatomy.of(HOST).trapWithoutDebugInterceptNs()).hasValueSatisfying(
                ns -> assertThat(ns).isCloseTo(24000 - 8300, within(1e-6)));
        assertThat(TrapAnatomy.of(List.of()).trapWithoutDebugInterceptNs()).isEmpty();
    }
}
