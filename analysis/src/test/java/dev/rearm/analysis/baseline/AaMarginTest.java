package dev.rearm.analysis.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.Measurements;
import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.load.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AaMarginTest {

    @Test
    void theMarginIsTheNinetyFifthPercentileOfTheRowsDifferencesRoundedUpToHalfAPercent() {
        // Twenty rows whose B/A speedups are 1.00, 1.01 ... 1.19: |log| at R_7's 95th percentile
        // lies between the 19th and 20th rows (h = 19 * 0.95 + 1 = 19.05).
        List<Measurement> a = new ArrayList<>();
        List<Measurement> b = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Scenario scenario = Scenario.HEADLINE.withPages(1 << i % 10).withSlots(1 + i / 10);
            a.add(Measurements.exact("reopen", scenario, 20_000));
            a.add(Measurements.exact("modify", scenario, 2_000));
            b.add(Measurements.exact("reopen", scenario, 20_000 * (1 + i / 100.0)));
            b.add(Measurements.exact("modify", scenario, 2_000));
        }
        AaMargin.Result result = AaMargin.of(Comparisons.of(a), Comparisons.of(b));
        double low = Math.log(1.18);
        double high = Math.log(1.19);
        double expected = Math.expm1(low + 0.05 * (high - low)) * 100;
        assertThat(result.rows()).hasSize(20);
        assertThat(result.p95Percent()).isCloseTo(expected, within(1e-9));
        assertThat(result.marginPercent()).isEqualTo(Math.ceil(expected * 2) / 2);
        assertThat(result.beyondMargin()).as("only the 1.19 row lies beyond 18.5%").isEqualTo(1);
    }

    @Test
    void runsSharingFewerThanTwoSpeedupsHaveNoMargin() {
        assertThatThrownBy(() -> AaMargin.of(Comparisons.of(List.of()), Comparisons.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share 0 speedups");
    }

    @Test
    void theDefaultMarginIsTheOneTheSharedAaPairGives() throws Exception {
        Run a = RunLoader.load(Fixtures.run("aa-a"));
        Run b = RunLoader.load(Fixtures.run("aa-b"));
        AaMargin.Result result = AaMargin.of(Comparisons.of(a.measurements()), Comparisons.of(b.measurements()));
        assertThat(result.marginPercent()).isEqualTo(BaselineComparison.DEFAULT_MARGIN_PERCENT);
    }

    @Test
    void theSharedAaPairComparedAtTheDefaultMarginFlagsAtMostFivePercentOfRowsAsChanged() throws Exception {
        Run a = RunLoader.load(Fixtures.run("aa-a"));
        Run b = RunLoader.load(Fixtures.run("aa-b"));
        BaselineComparison comparison = BaselineComparison.of(a, Comparisons.of(b.measurements()),
                Comparisons.of(a.measurements()));
        assertThat(comparison.matched()).isGreaterThan(70);
        assertThat(comparison.count(Change.CHANGED)).isLessThanOrEqualTo(comparison.rows().size() / 20);
        // One process per native figure, two JMH forks: every row of this pair is a no-verdict row.
        assertThat(comparison.rows()).filteredOn(r -> r.baseline() != null)
                .allSatisfy(r -> assertThat(r.change().noVerdict()).isTrue());
    }
}
