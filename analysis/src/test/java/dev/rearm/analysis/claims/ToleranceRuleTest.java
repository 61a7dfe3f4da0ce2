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
    void anIntervalTouchingTheBandReproducesTheClaim() {
        // The band for 10x is [8, 12.5]; a CI reaching 8.0 overlaps it.
        assertThat(ToleranceRule.judge(ci(7.5, 7.0, 8.0), 10)).isEqualTo(Verdict.REPRODUCED);
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
    void theBandIsAFactorOneAndAQuarterEitherWay() {
        assertThat(ToleranceRule.band(10)).isEqualTo("[8.00, 12.5]");
        assertThat(ToleranceRule.band(4)).isEqualTo("[3.20, 5.00]");
    }

    private static Estimate ci(double point, double low, double high) {
        return new Estimate(point, low, high, 0.95, 10);
    }
}
