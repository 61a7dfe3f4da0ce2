package dev.rearm.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.Measurements;
import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostModelTest {
    private static final double C_REOPEN = 19_000;
    private static final double T_REOPEN = 30_000;
    private static final double C_MODIFY = 2_000;
    private static final double T_MODIFY = 26_000;

    /** A sweep that obeys the model exactly: the fit must give back its parts and predict every point. */
    @Test
    void reproducesAConstructedCaseExactly() {
        List<Measurement> measurements = new ArrayList<>();
        for (int trapEvery : new int[] {0, 100, 10, 3, 1}) {
            double f = trapEvery == 0 ? 0 : 1.0 / trapEvery;
            Scenario scenario = Scenario.HEADLINE.withTrapEvery(trapEvery);
            measurements.add(Measurements.exact("reopen", scenario, C_REOPEN + f * T_REOPEN));
            measurements.add(Measurements.exact("modify", scenario, C_MODIFY + f * T_MODIFY));
        }
        Comparisons comparisons = Comparisons.of(measurements);

        FittedModel fitted = CostModelFit.fit(comparisons, Harness.NATIVE).orElseThrow();

        CostModel model = fitted.model();
        assertThat(model.reopenMoveNs()).isCloseTo(C_REOPEN, within(1e-9));
        assertThat(model.reopenTrapNs()).isCloseTo(T_REOPEN, within(1e-9));
        assertThat(model.modifyMoveNs()).isCloseTo(C_MODIFY, within(1e-9));
        assertThat(model.modifyTrapNs()).isCloseTo(T_MODIFY, within(1e-9));
        assertThat(fitted.points()).hasSize(5);
        assertThat(fitted.checkedPoints()).isEqualTo(3);
        assertThat(fitted.maxPredictionError().getAsDouble()).isCloseTo(0, within(1e-12));
        assertThat(fitted.points()).allSatisfy(p -> assertThat(p.predictionInsideInterval()).isTrue());
        assertThat(model.speedup(1.0 / 3)).isCloseTo((C_REOPEN + T_REOPEN / 3) / (C_MODIFY + T_MODIFY / 3), within(1e-12));
    }

    @Test
    void aPredictionFromNoisyEndPointsAgreesWithATightPointOutsideThatPointsOwnCi() {
        // The ends (trapEvery 0 and 1) vary ±8% round to round, the checked point (trapEvery 3) ±0.3%:
        // the prediction is uncertain by several percent, so a 3% miss is no disagreement.
        List<Measurement> measurements = new ArrayList<>();
        for (int trapEvery : new int[] {0, 1}) {
            double f = trapEvery == 0 ? 0 : 1;
            Scenario scenario = Scenario.HEADLINE.withTrapEvery(trapEvery);
            measurements.add(noisy("reopen", scenario, C_REOPEN + f * T_REOPEN, 0.08));
            measurements.add(noisy("modify", scenario, C_MODIFY + f * T_MODIFY, 0.08));
        }
        Scenario third = Scenario.HEADLINE.withTrapEvery(3);
        measurements.add(noisy("reopen", third, 1.03 * (C_REOPEN + T_REOPEN / 3), 0.003));
        measurements.add(noisy("modify", third, C_MODIFY + T_MODIFY / 3, 0.003));

        ModelPoint point = CostModelFit.fit(Comparisons.of(measurements), Harness.NATIVE).orElseThrow().points()
                .stream().filter(p -> p.trapEvery() == 3).findFirst().orElseThrow();

        assertThat(point.measured().contains(point.predicted())).as("outside the measured CI alone").isFalse();
        assertThat(point.measuredOverPredicted().low()).isLessThan(1.0);
        assertThat(point.predictionInsideInterval()).isTrue();
    }

    @Test
    void aTightFitAndATightPointThatMissByTenPercentDisagree() {
        List<Measurement> measurements = new ArrayList<>();
        for (int trapEvery : new int[] {0, 1, 3}) {
            double f = trapEvery == 0 ? 0 : 1.0 / trapEvery;
            Scenario scenario = Scenario.HEADLINE.withTrapEvery(trapEvery);
            measurements.add(noisy("reopen", scenario, (trapEvery == 3 ? 1.10 : 1) * (C_REOPEN + f * T_REOPEN), 0.003));
            measurements.add(noisy("modify", scenario, C_MODIFY + f * T_MODIFY, 0.003));
        }
        ModelPoint point = CostModelFit.fit(Comparisons.of(measurements), Harness.NATIVE).orElseThrow().points()
                .stream().filter(p -> p.trapEvery() == 3).findFirst().orElseThrow();
        assertThat(point.predictionInsideInterval()).isFalse();
    }

    /** Six rounds at mean {@code ns}, spread ±{@code spread} symmetrically. */
    private static Measurement noisy(String strategy, Scenario scenario, double ns, double spread) {
        return Measurements.rounds(strategy, scenario, ns * (1 - spread), ns * (1 + spread), ns * (1 - spread / 2),
                ns * (1 + spread / 2), ns, ns);
    }

    @Test
    void theTrapCostForATargetSpeedupGivesThatSpeedup() {
        CostModel model = new CostModel(C_REOPEN, T_REOPEN, C_MODIFY, T_MODIFY);
        double trap = model.commonTrapCostFor(4).orElseThrow();
        assertThat(trap).isCloseTo((C_REOPEN - 4 * C_MODIFY) / 3, within(1e-9));
        assertThat(new CostModel(C_REOPEN, trap, C_MODIFY, trap).speedup(1)).isCloseTo(4, within(1e-12));
    }

    @Test
    void noTrapCostGivesATargetAboveTheMoveCostRatio() {
        assertThat(new CostModel(6_000, 0, 2_000, 0).commonTrapCostFor(4)).isEmpty();
    }

    @Test
    void noModelWithoutBothEnds() {
        List<Measurement> onlyNever = List.of(Measurements.exact("reopen", Scenario.HEADLINE, C_REOPEN),
                Measurements.exact("modify", Scenario.HEADLINE, C_MODIFY));
        assertThat(CostModelFit.fit(Comparisons.of(onlyNever), Harness.NATIVE))
                .isEmpty();
    }
}
