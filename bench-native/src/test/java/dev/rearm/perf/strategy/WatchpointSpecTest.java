package dev.rearm.perf.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.scenario.Notify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WatchpointSpecTest {

    @Test
    void headlineIsTheOriginalTestsShape() {
        WatchpointSpec spec = WatchpointSpec.headline(0x1000);
        assertThat(spec.type()).isEqualTo(BreakpointType.RW);
        assertThat(spec.length()).isEqualTo(1);
        assertThat(spec.notification()).isEqualTo(Notify.SIGNAL);
        assertThat(spec.pages()).isEqualTo(1);
        assertThat(spec.tallyTraps()).isTrue();
    }

    @ParameterizedTest(name = "pages {0}")
    @ValueSource(ints = {0, 1, 2, 64, 512})
    void acceptsNoRingOrAPowerOfTwoPages(int pages) {
        assertThat(WatchpointSpec.headline(0x1000).withPages(pages).pages()).isEqualTo(pages);
    }

    @ParameterizedTest(name = "pages {0}")
    @ValueSource(ints = {-1, 3, 6, 100})
    void refusesOtherPageCountsNamingTheValue(int pages) {
        assertThatThrownBy(() -> WatchpointSpec.headline(0x1000).withPages(pages))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pages " + pages + " is not 0 (no ring) or a power of two");
    }

    /** The kernel signals on every overflow of an O_ASYNC event, ring or not (semantics/SignalDeliveryTest). */
    @Test
    void signalWithoutARingIsAValidScenario() {
        WatchpointSpec spec = WatchpointSpec.headline(0x1000).withPages(0);
        assertThat(spec.notification()).isEqualTo(Notify.SIGNAL);
        assertThat(spec.pages()).isZero();
    }

    @Test
    void sigtrapArmsNoRing() {
        WatchpointSpec spec = WatchpointSpec.headline(0x1000).withPages(0).withNotify(Notify.SIGTRAP);
        assertThat(spec.notification()).isEqualTo(Notify.SIGTRAP);
        assertThat(spec.pages()).isZero();
    }

    @ParameterizedTest(name = "pages {0}")
    @ValueSource(ints = {1, 8, 512})
    void sigtrapWithARingIsRefusedNamingPagesAndWhatIsValid(int pages) {
        assertThatThrownBy(() -> new WatchpointSpec(0x1000, BreakpointType.RW, 1, Notify.SIGTRAP, pages, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pages " + pages + " does not apply to notify=sigtrap: it maps no ring (its SIGTRAP "
                        + "carries the tag); pages must be 0");
    }

    @Test
    void withersChangeOnlyTheirField() {
        WatchpointSpec headline = WatchpointSpec.headline(0x1000);
        assertThat(headline.withShape(BreakpointType.W, 8))
                .isEqualTo(new WatchpointSpec(0x1000, BreakpointType.W, 8, Notify.SIGNAL, 1, true));
        assertThat(headline.withNotify(Notify.NONE).withTallyTraps(false))
                .isEqualTo(new WatchpointSpec(0x1000, BreakpointType.RW, 1, Notify.NONE, 1, false));
    }
}
