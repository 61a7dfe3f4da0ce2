package dev.rearm.analysis.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.Measurements;
import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.stats.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    @Test
    void aRunTwiceAsFastAtReopeningShowsARatioOfRatiosNearTwo() {
        Comparisons now = Comparisons.of(List.of(
                Measurements.rounds("reopen", Scenario.HEADLINE, 38_000, 38_400, 37_700, 38_100, 37_900),
                Measurements.rounds("modify", Scenario.HEADLINE, 2_000, 2_010, 1_990, 2_005, 1_995),
                Measurements.rounds("reopen", Scenario.HEADLINE.withPages(8), 60_000, 61_000, 59_500)));
        Comparisons then = Comparisons.of(List.of(
                Measurements.rounds("reopen", Scenario.HEADLINE, 19_000, 19_200, 18_850, 19_050, 18_950),
                Measurements.rounds("modify", Scenario.HEADLINE, 2_000, 2_010, 1_990, 2_005, 1_995)));

        BaselineComparison comparison = BaselineComparison.of(null, now, then);

        assertThat(comparison.rows()).singleElement().satisfies(row -> {
            assertThat(row.ratioOfRatios().point()).isCloseTo(2.0, within(0.01));
            assertThat(row.ratioOfRatios().contains(2.0)).isTrue();
            assertThat(row.ratioOfRatios().contains(1.0)).isFalse();
        });
    }

    @Test
    void aScenarioTheBaselineLacksHasNoRatioOfRatios() {
        Comparisons now = Comparisons.of(List.of(Measurements.exact("reopen", Scenario.HEADLINE.withSlots(2), 19_000),
                Measurements.exact("modify", Scenario.HEADLINE.withSlots(2), 2_000)));
        BaselineComparison comparison = BaselineComparison.of(null, now, Comparisons.of(List.of()));
        assertThat(comparison.rows()).singleElement().satisfies(row -> {
            assertThat(row.baseline()).isNull();
            assertThat(row.ratioOfRatios()).isNull();
        });
        assertThat(comparison.matched()).isZero();
    }

    @Test
    void aCiThatExcludesOneButLiesWithinTheMarginIsRunToRunVariationNotAChange() {
        // 3% apart, tightly measured: the within-run CI excludes 1, as 27 of 68 rows did across four days.
        Comparisons now = Comparisons.of(List.of(
                Measurements.rounds("reopen", Scenario.HEADLINE, 19_570, 19_580, 19_560, 19_575, 19_565),
                Measurements.rounds("modify", Scenario.HEADLINE, 2_000, 2_001, 1_999, 2_000, 2_000)));
        Comparisons then = Comparisons.of(List.of(
                Measurements.rounds("reopen", Scenario.HEADLINE, 19_000, 19_010, 18_990, 19_005, 18_995),
                Measurements.rounds("modify", Scenario.HEADLINE, 2_000, 2_001, 1_999, 2_000, 2_000)));

        BaselineRow fivePercent = BaselineComparison.of(null, now, then, 5).rows().get(0);
        assertThat(fivePercent.ratioOfRatios().contains(1.0)).isFalse();
        assertThat(fivePercent.change()).isEqualTo(Change.WITHIN_VARIATION);
        assertThat(fivePercent.change().label(5)).isEqualTo("within run-to-run variation (±5% on this host)");
        assertThat(BaselineComparison.of(null, now, then, 1).rows().get(0).change()).isEqualTo(Change.CHANGED);
    }

    @Test
    void aCiHoldingOneButWiderThanTheMarginShowsNoChangeEitherWay() {
        assertThat(Change.of(new Estimate(1.0, 0.9, 1.1, 0.95, 10), 5)).isEqualTo(Change.NOT_SHOWN);
        assertThat(Change.of(new Estimate(1.2, 1.13, 1.25, 0.95, 10), 5)).isEqualTo(Change.CHANGED);
        assertThat(Change.of(null, 5)).isEqualTo(Change.NOT_COMPARED);
        assertThat(Change.margin(5)).isEqualTo("±5%");
        assertThat(Change.margin(2.5)).isEqualTo("±2.5%");
        assertThat(Change.margin(10)).isEqualTo("±10%");
    }
}
