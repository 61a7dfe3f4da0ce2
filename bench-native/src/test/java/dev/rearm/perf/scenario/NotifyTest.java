package dev.rearm.perf.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotifyTest {

    @Test
    void scenarioKeysAreLowerCaseAndParseBack() {
        for (Notify notify : Notify.values()) {
            assertThat(Notify.parse(notify.key())).isEqualTo(notify);
        }
        assertThat(Notify.SIGNAL.key()).isEqualTo("signal");
        assertThat(Notify.SIGTRAP.key()).isEqualTo("sigtrap");
        assertThat(Notify.parse("NONE")).isEqualTo(Notify.NONE);
    }

    @Test
    void onlySigtrapGoesWithoutARing() {
        assertThat(Notify.NONE.takesRing()).isTrue();
        assertThat(Notify.SIGNAL.takesRing()).isTrue();
        assertThat(Notify.SIGTRAP.takesRing()).isFalse();
    }

    @Test
    void parseErrorNamesTheInputAndEveryValidValue() {
        assertThatThrownBy(() -> Notify.parse("sigio"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("notify 'sigio' is not one of none, signal, sigtrap");
    }
}
