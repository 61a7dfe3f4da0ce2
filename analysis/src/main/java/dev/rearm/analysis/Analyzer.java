package dev.rearm.analysis;

import dev.rearm.analysis.baseline.BaselineComparison;
import dev.rearm.analysis.claims.ClaimCheck;
import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.compare.NotificationTable;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.model.CostModelFit;
import dev.rearm.analysis.model.FittedModel;
import dev.rearm.analysis.model.ReopenBreakdown;
import dev.rearm.analysis.model.TrapAnatomy;
import dev.rearm.analysis.profiler.ProfilerOverhead;
import dev.rearm.analysis.profiler.ProfilerPrediction;
import dev.rearm.analysis.roundsize.RoundSizeCheck;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * load -> statistics -> cost model and trap anatomy -> claims (-> baseline) -> profiler overhead, and the
 * round-size check (a caveat on the native claim rows when per-op figures move with the round size):
 * the steps before the report.
 */
public final class Analyzer {
    private final HierarchicalBootstrap bootstrap;

    public Analyzer(HierarchicalBootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    public Analysis analyze(Run run, Optional<Run> baselineRun) {
        return analyze(run, baselineRun, BaselineComparison.DEFAULT_MARGIN_PERCENT);
    }

    /** @param marginPercent the baseline comparison's equivalence margin (±%), the host's run-to-run variation */
    public Analysis analyze(Run run, Optional<Run> baselineRun, double marginPercent) {
        Comparisons comparisons = Comparisons.of(run.measurements());
        Map<Harness, FittedModel> models = new EnumMap<>(Harness.class);
        for (Harness harness : Harness.values()) {
            CostModelFit.fit(comparisons, harness).ifPresent(model -> models.put(harness, model));
        }
        Optional<BaselineComparison> baseline = baselineRun.map(other -> BaselineComparison.of(other, comparisons,
                Comparisons.of(other.measurements()), marginPercent));
        TrapAnatomy anatomy = TrapAnatomy.of(run.anatomy());
        RoundSizeCheck roundSize = RoundSizeCheck.of(run.roundSize(), run.info().notRun());
        return new Analysis(run, comparisons, Map.copyOf(models), ReopenBreakdown.all(run.measurements()),
                roundSize.withCaveat(ClaimCheck.check(run, comparisons, models,
                        ReopenBreakdown.headline(run.measurements()), anatomy), run.nativeRounds()),
                baseline, bootstrap.seed(), bootstrap.resamples(), ProfilerOverhead.of(run.profiler()),
                anatomy, ProfilerPrediction.of(run.profiler(), ReopenBreakdown.headline(run.measurements()),
                        Optional.ofNullable(models.get(Harness.NATIVE)).map(FittedModel::model)), roundSize,
                NotificationTable.of(run, comparisons));
    }
}
