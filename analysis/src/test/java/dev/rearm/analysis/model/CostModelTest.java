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
