package dev.rearm.analysis.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.stats.Estimate;
import org.junit.jupiter.api.Test;

class ToleranceRuleTest {

    @Test
    void anIntervalInsideTheBandReproducesTheClaim() {
        assertThat(ToleranceRule.judge(ci(9.4, 9.2, 9.6), 10)).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void aPointInTheBandWithAnIntervalReachingOutOfItIsInconclusive() {
        // The band for 10x is [8, 12.5]. 10x [4, 25] says nothing about ~10x; 8.2x [7.0, 9.0] may be 7x.
        assertThat(ToleranceRule.judge(ci(10, 4, 25), 10)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ToleranceRule.judge(ci(8.2, 7.0, 9.0), 10)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aPointOutsideTheBandWithAnIntervalReachingInIsInconclusive() {
        // 12.6x [12.1, 13.1] straddles 12.5; 15.7x [7.59, 29.1] is a smoke run's wide interval.
        assertThat(ToleranceRule.judge(ci(12.6, 12.1, 13.1), 10)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ToleranceRule.judge(ci(15.7, 7.59, 29.1), 10)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(ToleranceRule.judge(ci(7.5, 7.0, 8.0), 10)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void anIntervalTouchingTheBandsEdgesFromInsideStillReproduces() {
        assertThat(ToleranceRule.judge(ci(10, ToleranceRule.lower(10), ToleranceRule.upper(10)), 10))
                .isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void aZeroWidthIntervalAtThreeOrMoreGroupsGetsNoVerdict() {
        // Identical group means: no variation measured, so no evidence for or against the claim.
        assertThat(ToleranceRule.judge(new Estimate(10, 10, 10, 0.95, 5), 10)).isEqualTo(Verdict.NO_SPREAD);
        assertThat(ToleranceRule.judge(new Estimate(20, 20, 20, 0.95, 5), 10)).isEqualTo(Verdict.NO_SPREAD);
    }

    @Test
    void roundsOfOneProcessGetNoVerdictHoweverTightTheirInterval() {
        // Ten rounds of one process inside the band: a within-process interval, not a rerun's.
        assertThat(ToleranceRule.judge(new Estimate(9.7, 9.65, 9.78, 0.95, 10, 1), 10)).isEqualTo(Verdict.ONE_PROCESS);
        assertThat(ToleranceRule.judge(new Estimate(9.7, 9.65, 9.78, 0.95, 10, 3), 10)).isEqualTo(Verdict.REPRODUCED);
    }

    @Test
    void theRuleParagraphSaysTheWholeIntervalMustLieInTheBand() {
        assertThat(ToleranceRule.describe()).contains("only when the whole 95% CI").contains("within-process")
                .doesNotContain("when the measured speedup lies in the band");
    }

    @Test
    void anIntervalWhollyBelowOrAboveTheBandDoesNot() {
        assertThat(ToleranceRule.judge(ci(1.75, 1.72, 1.78), 4)).isEqualTo(Verdict.NOT_REPRODUCED);
        assertThat(ToleranceRule.judge(ci(13.0, 12.6, 13.4), 10)).isEqualTo(Verdict.NOT_REPRODUCED);
    }

    @Test
    void noFigureIsNotMeasured() {
        assertThat(ToleranceRule.judge(null, 4)).isEqualTo(Verdict.NOT_MEASURED);
    }

    @Test
    void aFigureFromFewerThanThreeForksOrRoundsIsTooFewToJudgeInsteadOfNotReproduced() {
        // 1 fork gave "14.5x [14.5, 14.5] not reproduced" before: a zero-width interval is no evidence.
        assertThat(ToleranceRule.judge(new Estimate(14.5, 14.5, 14.5, 0.95, 1), 10)).isEqualTo(Verdict.TOO_FEW_GROUPS);
        assertThat(ToleranceRule.judge(new Estimate(9.9, 9.0, 11.0, 0.95, 2), 10)).isEqualTo(Verdict.TOO_FEW_GROUPS);
        assertThat(Verdict.TOO_FEW_GROUPS.label()).isEqualTo("too few forks/rounds to judge");
    }

    @Test
    void theBandIsAFactorOneAndAQuarterEitherWay() {
        assertThat(ToleranceRule.band(10)).isEqualTo("[8.00, 12.5]");
        assertThat(ToleranceRule.band(4)).isEqualTo("[3.20, 5.00]");
    }

    private static Estimate ci(double point, double low, double high) {
        return new Estimate(point, low, high, 0.95, 10);
    }
}
