package dev.rearm.analysis.model;

import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.compare.Sweep;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.GroupedSample;
import dev.rearm.analysis.stats.MeansFunctionInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fits the {@link CostModel} on measured parts: the move costs are the mean ns/op at trapEvery=0,
 * the trap costs are trapEvery=1 minus trapEvery=0, per strategy, all at the headline scenario and
 * from one source, so every part comes from the same benchmark. The remaining points of that
 * source's trap-rate sweep (trapEvery 100, 10, 3 ...) check the prediction.
 */
public final class CostModelFit {
    /** Sources with the whole sweep first, then the headline ones (docs/design.md's matrix and JMH class names). */
    public static final List<String> PREFERRED_SOURCES =
            List.of("TrapRateBenchmark", "trap-rate", "HeadlineBenchmark", "headline");

    private CostModelFit() {
    }

    public static Optional<FittedModel> fit(Comparisons comparisons, Harness harness) {
        List<StrategyComparison> sweep = comparisons.of(harness).stream()
                .filter(c -> Sweep.TRAP_RATE.contains(c.scenario())).toList();
        Set<String> sources = new LinkedHashSet<>(PREFERRED_SOURCES);
        sweep.forEach(c -> sources.add(c.source()));
        for (String source : sources) {
            List<StrategyComparison> points = sweep.stream().filter(c -> c.source().equals(source))
                    .sorted(Comparator.comparingDouble(c -> c.scenario().trapRate())).toList();
            Optional<StrategyComparison> never = points.stream().filter(c -> c.scenario().trapEvery() == 0).findFirst();
            Optional<StrategyComparison> always = points.stream().filter(c -> c.scenario().trapEvery() == 1).findFirst();
            if (never.isPresent() && always.isPresent()) {
                return Optional.of(fitted(harness, source, never.get(), always.get(), points));
            }
        }
        return Optional.empty();
    }

    /** The model's parts from one never-trapping and one always-trapping comparison. */
    public static CostModel fromPair(StrategyComparison never, StrategyComparison always) {
        double reopenMove = never.reopenSummary().mean();
        double modifyMove = never.modifySummary().mean();
        return new CostModel(reopenMove, always.reopenSummary().mean() - reopenMove,
                modifyMove, always.modifySummary().mean() - modifyMove);
    }

    private static FittedModel fitted(Harness harness, String source, StrategyComparison never,
                                      StrategyComparison always, List<StrategyComparison> points) {
        CostModel model = fromPair(never, always);
        List<ModelPoint> modelPoints = new ArrayList<>();
        for (StrategyComparison point : points) {
            int trapEvery = point.scenario().trapEvery();
            double rate = point.scenario().trapRate();
            modelPoints.add(new ModelPoint(trapEvery, rate, point.speedup(), model.speedup(rate),
                    trapEvery == 0 || trapEvery == 1, measuredOverPredicted(point, never, always, rate)));
        }
        return new FittedModel(harness, source, model, List.copyOf(modelPoints));
    }

    /**
     * The point's speedup over the model's prediction at its trap rate, with the t interval over all
     * six samples: the prediction (C_r + f T_r) / (C_m + f T_m) moves with the four it was fitted on.
     */
    private static Estimate measuredOverPredicted(StrategyComparison point, StrategyComparison never,
                                                  StrategyComparison always, double rate) {
        List<GroupedSample> samples = List.of(point.reopen().nsPerOp(), point.modify().nsPerOp(),
                never.reopen().nsPerOp(), always.reopen().nsPerOp(), never.modify().nsPerOp(),
                always.modify().nsPerOp());
        return MeansFunctionInterval.of(samples, m -> (m[0] / m[1])
                / ((m[2] + rate * (m[3] - m[2])) / (m[4] + rate * (m[5] - m[4]))), MeansFunctionInterval.Scale.LOG);
    }
}
