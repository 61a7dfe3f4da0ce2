package dev.rearm.jmh.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.scenario.Notify;
import dev.rearm.perf.strategy.Strategy;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void parametersParseIntoTheVocabulary() {
        Scenario scenario = Scenario.of("modify", 1, "signal", 1, "RW", 1, 1, 1);

        assertThat(scenario.strategy()).isEqualTo(Strategy.MODIFY);
        assertThat(scenario.notification()).isEqualTo(Notify.SIGNAL);
        assertThat(scenario.bpType()).isEqualTo(BreakpointType.RW);
        assertThat(scenario).hasToString(
                "strategy=modify trapEvery=1 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1");
    }

    @Test
    void anUnknownStrategyNamesTheValidOnes() {
        assertThatThrownBy(() -> Scenario.of("move", 0, "none", 1, "RW", 1, 1, 1))
                .isInstanceOf(Scenario.BadScenarioException.class)
                .hasMessage("strategy 'move' is not one of reopen, modify");
    }

    @Test
    void pagesMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> Scenario.of("reopen", 0, "none", 3, "RW", 1, 1, 1))
                .hasMessage("pages=3 is not a power of two (1, 2, 4 ... 512)");
    }

    @Test
    void bpLenMustBeOneTwoFourOrEight() {
        assertThatThrownBy(() -> Scenario.of("reopen", 0, "none", 1, "W", 3, 1, 1))
                .hasMessage("bpLen=3 is not one of 1, 2, 4, 8");
    }

    @Test
    void negativeTrapEveryIsRefused() {
        assertThatThrownBy(() -> Scenario.of("reopen", -1, "none", 1, "W", 1, 1, 1))
                .hasMessageStartingWith("trapEvery=-1 is not 0");
    }

    @Test
    void anInstructionWatchpointCannotBeMadeToTrapByAStore() {
        assertThatThrownBy(() -> Scenario.of("modify", 1, "signal", 1, "X", 8, 1, 1))
                .hasMessageContaining("X runs with trapEvery=0 only");
    }

    @Test
    void sigtrapTakesTheDefaultPagesAndArmsNoRing() {
        Scenario scenario = Scenario.of("modify", 1, "sigtrap", 1, "RW", 1, 1, 1);

        assertThat(scenario.notification()).isEqualTo(Notify.SIGTRAP);
        assertThat(scenario.specAt(0x1000).pages()).isZero();
        assertThat(Scenario.of("modify", 1, "signal", 1, "RW", 1, 1, 1).specAt(0x1000).pages()).isEqualTo(1);
        assertThat(scenario).as("keyed as native.json keys sigtrap").hasToString(
                "strategy=modify trapEvery=1 notify=sigtrap pages=0 bpType=RW bpLen=1 threads=1 slots=1");
    }

    @Test
    void sigtrapWithARingSizeIsRefusedNamingPagesAndWhatIsValid() {
        assertThatThrownBy(() -> Scenario.of("reopen", 0, "sigtrap", 8, "RW", 1, 1, 1))
                .isInstanceOf(Scenario.BadScenarioException.class)
                .hasMessage("pages=8 does not apply to notify=sigtrap: it maps no ring (its SIGTRAP carries the tag); "
                        + "leave pages at 1, which notify=sigtrap reads as no ring");
    }
}
