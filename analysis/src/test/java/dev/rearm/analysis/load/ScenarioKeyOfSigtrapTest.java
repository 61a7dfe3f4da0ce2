package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** notify=sigtrap maps no ring: both harnesses' spellings of that are keyed pages=0, so their rows join. */
class ScenarioKeyOfSigtrapTest {

    @Test
    void aJmhSigtrapRowWithItsClassDefaultPagesIsKeyedWithoutARing() throws BadInputException {
        Scenario jmh = Scenario.fromValues(Map.of("notify", "sigtrap", "pages", "1"), "jmh.json entry 0");
        Scenario nativeRow = Scenario.fromValues(Map.of("notify", "sigtrap", "pages", "0"), "native.json results[0]");

        assertThat(jmh).isEqualTo(nativeRow).isEqualTo(Scenario.headlineWith("sigtrap", 0));
        assertThat(jmh.pages()).isZero();
    }

    @Test
    void theModesWithARingKeepTheirPages() throws BadInputException {
        assertThat(Scenario.fromValues(Map.of("notify", "signal", "pages", "8"), "x").pages()).isEqualTo(8);
        assertThat(Scenario.headlineWith("none", 1).pages()).isEqualTo(1);
    }

    @Test
    void aSigtrapRowWithARingSizeIsRefusedNamingTheEntryAndTheValidValues() {
        assertThatThrownBy(() -> Scenario.fromValues(Map.of("notify", "sigtrap", "pages", "8"), "native.json results[4]"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("native.json results[4]: pages=8 with notify=sigtrap, which maps no ring; expected pages 0 "
                        + "(native.json) or 1 (a JMH class's default, read as no ring)");
    }
}
