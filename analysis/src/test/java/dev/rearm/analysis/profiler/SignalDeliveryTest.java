package dev.rearm.analysis.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.load.AnatomyPart;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.model.TrapAnatomy;
import dev.rearm.analysis.stats.GroupedSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalDeliveryTest {
    private static final GroupedSample OWN = GroupedSample.ofSingles(new double[] {3000, 3200, 3100});

    @Test
    void theProfilersOwnReferenceIsUsedWhenTheFileHasIt() {
        ProfilerData data = new ProfilerData(List.of(), false, "none", 75, 4, OWN);

        SignalDelivery delivery = SignalDelivery.of(data, TrapAnatomy.of(List.of())).orElseThrow();

        assertThat(delivery.ns().point()).isCloseTo(3100, within(1e-9));
        assertThat(delivery.source()).contains("signalReference");
    }

    @Test
    void aFileBeforeTheProfilersReferenceFallsBackToTrapAnatomysTgkillOrSaysNothing() {
        ProfilerData old = new ProfilerData(List.of(), false, "none", 75, 4);

        TrapAnatomy anatomy = TrapAnatomy.of(List.of(new AnatomyPart("tgkill", "reference", null,
                new double[] {2501, 2502, 2503}, new double[] {1, 2, 3})));

        SignalDelivery delivery = SignalDelivery.of(old, anatomy).orElseThrow();

        assertThat(delivery.ns().point()).isCloseTo(2500, within(1e-9));
        assertThat(delivery.source()).contains("trap anatomy");
        assertThat(SignalDelivery.of(old, TrapAnatomy.of(List.of()))).isEmpty();
        assertThat(SignalDelivery.of(old, null)).isEmpty();
    }
}
