package dev.rearm.analysis.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.Measurements;
import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    @Test
    void aRunTwiceAsFastAtReopeningShowsARatioOfRatiosNearTwo() {
        HierarchicalBootstrap bootstrap = new HierarchicalBootstrap(1, 2_000);
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
        HierarchicalBootstrap bootstrap = new HierarchicalBootstrap(1, 500);
        Comparisons now = Comparisons.of(List.of(Measurements.exact("reopen", Scenario.HEADLINE.withSlots(2), 19_000),
                Measurements.exact("modify", Scenario.HEADLINE.withSlots(2), 2_000)));
        BaselineComparison comparison = BaselineComparison.of(null, now, Comparisons.of(List.of()));
        assertThat(comparison.rows()).singleElement().satisfies(row -> {
            assertThat(row.baseline()).isNull();
            assertThat(row.ratioOfRatios()).isNull();
        });
        assertThat(comparison.matched()).isZero();
    }
}
