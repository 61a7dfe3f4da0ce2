package dev.rearm.analysis.baseline;

import static dev.rearm.analysis.HeadlineComparisons.modify;
import static dev.rearm.analysis.HeadlineComparisons.reopen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.HeadlineComparisons;
import dev.rearm.analysis.Measurements;
import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    @Test
    void aRunTwiceAsFastAtReopeningShowsARatioOfRatiosNearTwo() {
        Comparisons now = Comparisons.of(List.of(
                Measurements.rounds("reopen", Scenario.HEADLINE, 38_000, 38_400, 37_700, 38_100, 37_900),
                Measurements.rounds("modify", Scenario.HEADLINE, 2_000, 2_010, 1_990, 2_005, 1_995),
                Measurements.rounds("reopen", Scenario.HEADLINE.withPages(8), 60_000, 61_000, 59_500)));
        Comparisons then = HeadlineComparisons.rounds(reopen(19_000, 19_200, 18_850, 19_050, 18_950),
                modify(2_000, 2_010, 1_990, 2_005, 1_995));

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
        // 3% apart, tightly measured over 5 forks: the CI excludes 1, as 27 of 68 rows did across four days.
        Comparisons now = HeadlineComparisons.forks(reopen(19_570, 19_580, 19_560, 19_575, 19_565),
                modify(2_000, 2_001, 1_999, 2_000, 2_000));
        Comparisons then = HeadlineComparisons.forks(reopen(19_000, 19_010, 18_990, 19_005, 18_995),
                modify(2_000, 2_001, 1_999, 2_000, 2_000));

        BaselineRow fivePercent = BaselineComparison.of(null, now, then, 5).rows().get(0);
        assertThat(fivePercent.ratioOfRatios().contains(1.0)).isFalse();
        assertThat(fivePercent.change()).isEqualTo(Change.WITHIN_VARIATION);
        assertThat(fivePercent.change().label(5)).isEqualTo("within run-to-run variation (±5% on this host)");
        assertThat(BaselineComparison.of(null, now, then, 1).rows().get(0).change()).isEqualTo(Change.CHANGED);
    }

    @Test
    void fewerThanThreeForksOnEitherSideGetNeitherChangedNorWithinVariation() {
        // A 1-fork or 2-fork side: the CI is zero-width or nearly useless, so no verdict either way.
        Comparisons now = HeadlineComparisons.forks(reopen(25_000, 25_010), modify(2_000, 2_001));
        Comparisons then = HeadlineComparisons.forks(reopen(19_000, 19_010, 18_990, 19_005),
                modify(2_000, 2_001, 1_999, 2_000));
        assertThat(BaselineComparison.of(null, now, then, 5).rows().get(0).change()).isEqualTo(Change.TOO_FEW_GROUPS);
        assertThat(BaselineComparison.of(null, then, now, 5).rows().get(0).change()).isEqualTo(Change.TOO_FEW_GROUPS);
        assertThat(Change.of(new Estimate(1.0, 1.0, 1.0, 0.95, 1), 5)).isEqualTo(Change.TOO_FEW_GROUPS);
    }

    @Test
    void roundsOfOneProcessOnEitherSideGetNoVerdict() {
        // Native rounds today: 30% apart with a tight within-process CI, yet nothing says another run agrees.
        Comparisons now = HeadlineComparisons.rounds(reopen(25_000, 25_010, 24_990, 25_005),
                modify(2_000, 2_001, 1_999, 2_000));
        Comparisons then = HeadlineComparisons.rounds(reopen(19_000, 19_010, 18_990, 19_005),
                modify(2_000, 2_001, 1_999, 2_000));
        BaselineComparison comparison = BaselineComparison.of(null, now, then, 5);
        assertThat(comparison.rows().get(0).change()).isEqualTo(Change.ONE_PROCESS);
        assertThat(comparison.tested()).isZero();
    }

    @Test
    void aZeroWidthCiAtThreeOrMoreForksGetsNoVerdict() {
        assertThat(Change.of(new Estimate(1.2, 1.2, 1.2, 0.95, 5), 5)).isEqualTo(Change.NO_SPREAD);
    }

    @Test
    void aCiExcludingOneButReachingInsideTheMarginIsADifferenceBelowTheMarginNeverAChange() {
        // [1.03, 1.09] at ±5%: the difference may be 3%, inside run-to-run variation.
        assertThat(Change.of(new Estimate(1.06, 1.03, 1.09, 0.95, 10), 5)).isEqualTo(Change.BELOW_MARGIN);
        assertThat(Change.of(new Estimate(0.94, 0.91, 0.97, 0.95, 10), 5)).isEqualTo(Change.BELOW_MARGIN);
        assertThat(Change.BELOW_MARGIN.label(5)).doesNotContain("changed");
    }

    @Test
    void holmsCorrectionKeepsOnlyTheRowsWhosePValuesSurviveItAcrossTheComparison() {
        // 70 rows each beyond the margin in its own CI (p = 0.01 < 0.025): by chance alone ~1.75 such rows
        // are expected among 70 unchanged ones, so none survives; a row at p = 1e-6 does (1e-6 * 70 < 0.025).
        List<BaselineRow> rows = new ArrayList<>();
        for (int i = 0; i < 69; i++) {
            rows.add(new BaselineRow(null, null, null, 0.01, Change.CHANGED));
        }
        rows.add(new BaselineRow(null, null, null, 1e-6, Change.CHANGED));
        rows.add(new BaselineRow(null, null, null, Double.NaN, Change.ONE_PROCESS));
        List<BaselineRow> corrected = BaselineComparison.holm(rows);
        assertThat(corrected.get(69).change()).isEqualTo(Change.CHANGED);
        assertThat(corrected.subList(0, 69)).allSatisfy(row -> assertThat(row.change()).isEqualTo(Change.NOT_CONFIRMED));
        assertThat(corrected.get(70).change()).isEqualTo(Change.ONE_PROCESS);
    }

    @Test
    void aLoneRowBeyondTheMarginIsChangedExactlyWhenItsWholeCiIs() {
        // With one row Holm's rule is the CI's: p < 0.025 one-sided <=> the 95% CI lies beyond the margin.
        Comparisons now = HeadlineComparisons.forks(reopen(21_000, 21_300, 20_800, 21_100),
                modify(2_000, 2_010, 1_990, 2_005));
        Comparisons then = HeadlineComparisons.forks(reopen(19_000, 19_200, 18_850, 19_050),
                modify(2_000, 2_010, 1_990, 2_005));
        for (double margin : new double[] {2, 5, 8, 10, 12}) {
            BaselineRow row = BaselineComparison.of(null, now, then, margin).rows().get(0);
            boolean wholeCiBeyond = row.ratioOfRatios().low() > 1 + margin / 100;
            assertThat(row.pBeyondMargin() < BaselineComparison.FAMILY_ALPHA).as("margin " + margin).isEqualTo(wholeCiBeyond);
            assertThat(row.change() == Change.CHANGED).as("margin " + margin).isEqualTo(wholeCiBeyond);
        }
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
