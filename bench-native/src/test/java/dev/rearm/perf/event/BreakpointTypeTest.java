package dev.rearm.perf.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BreakpointTypeTest {

    @Test
    void parsesScenarioValuesIgnoringCase() {
        assertThat(BreakpointType.parse("rw")).isEqualTo(BreakpointType.RW);
        assertThat(BreakpointType.parse("W")).isEqualTo(BreakpointType.W);
        assertThat(BreakpointType.parse("x")).isEqualTo(BreakpointType.X);
    }

    @Test
    void parseErrorNamesTheInputAndEveryValidValue() {
        assertThatThrownBy(() -> BreakpointType.parse("WR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bpType 'WR' is not one of R, W, RW, X");
    }
}
