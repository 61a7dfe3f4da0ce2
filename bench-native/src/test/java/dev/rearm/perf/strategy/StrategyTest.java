package dev.rearm.perf.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategyTest {

    @Test
    void scenarioKeysAreLowerCaseAndParseBack() {
        for (Strategy strategy : Strategy.values()) {
            assertThat(Strategy.parse(strategy.key())).isEqualTo(strategy);
        }
        assertThat(Strategy.REOPEN.key()).isEqualTo("reopen");
        assertThat(Strategy.parse("Modify")).isEqualTo(Strategy.MODIFY);
    }

    @Test
    void parseErrorNamesTheInputAndEveryValidValue() {
        assertThatThrownBy(() -> Strategy.parse("ioctl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strategy 'ioctl' is not one of reopen, modify");
    }
}
