package dev.rearm.analysis.baseline;

import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.load.BadInputException;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.load.RunLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The equivalence margin from an A/A pair: two runs of one build on one machine, which differ only
 * by what changes from run to run. For every speedup both runs measured (same harness, scenario
 * and source), d = |log(speedup B / speedup A)|; the margin is exp(the 95th percentile of d, R_7)
 * - 1, rounded up to the next half percent: a difference no larger than that is what 95% of
 * rows show between two runs of the same code, so a baseline comparison that calls only
 * differences beyond it "changed" flags about 5% of rows or fewer when nothing changed.
 *
 * <p>Run it as {@code java -cp analysis/target/analysis.jar dev.rearm.analysis.baseline.AaMargin
 * RUN_A RUN_B} (analysis/README.md gives the figures of the shared pair).
 */
public final class AaMargin {
    /** The share of A/A rows the margin must cover. */
    static final double COVERED_PERCENTILE = 95;

    private AaMargin() {
    }

    /**
     * @param rows          the speedups both runs measured
     * @param absLogRatios  |log(speedup B / speedup A)| per row, in row order
     * @param marginPercent the margin, rounded up to the next half percent
     */
    public record Result(List<StrategyComparison> rows, double[] absLogRatios, double p95Percent, double sdLogRatio,
                         double marginPercent) {
        /** How many rows differ by more than the margin between A and B. */
        public long beyondMargin() {
            double limit = Math.log(1 + marginPercent / 100);
            return Arrays.stream(absLogRatios).filter(d -> d > limit).count();
        }
    }

    public static Result of(Comparisons a, Comparisons b) {
        List<StrategyComparison> rows = new ArrayList<>();
        List<Double> logs = new ArrayList<>();
        for (StrategyComparison inA : a.all()) {
            Optional<StrategyComparison> inB = b.find(inA.harness(), inA.scenario(), inA.source());
            if (inB.isPresent() && inB.get().source().equals(inA.source())) {
                rows.add(inA);
                logs.add(Math.log(inB.get().speedup().point() / inA.speedup().point()));
            }
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException("the two runs share " + rows.size() + " speedups; an A/A margin needs "
                    + "at least 2");
        }
        double[] signed = logs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] abs = logs.stream().mapToDouble(Math::abs).toArray();
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        double p95 = Math.expm1(percentile.evaluate(abs, COVERED_PERCENTILE)) * 100;
        double margin = Math.ceil(p95 * 2) / 2;
        return new Result(List.copyOf(rows), abs, p95, new DescriptiveStatistics(signed).getStandardDeviation(),
                margin);
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: AaMargin RUN_A RUN_B (two run folders of one build on one machine)");
            System.exit(2);
        }
        try {
            Run a = RunLoader.load(Path.of(args[0]));
            Run b = RunLoader.load(Path.of(args[1]));
            Result result = of(Comparisons.of(a.measurements()), Comparisons.of(b.measurements()));
            System.out.printf(Locale.ROOT, "rows both runs measured: %d%n", result.rows().size());
            System.out.printf(Locale.ROOT, "sd of log(speedup B / speedup A): %.4f (%.2f%%)%n", result.sdLogRatio(),
                    Math.expm1(result.sdLogRatio()) * 100);
            System.out.printf(Locale.ROOT, "95th percentile of |B/A - 1|: %.2f%%%n", result.p95Percent());
            System.out.printf(Locale.ROOT, "margin (rounded up to 0.5%%): %s; rows beyond it: %d%n",
                    Change.margin(result.marginPercent()), result.beyondMargin());
            for (Harness harness : Harness.values()) {
                double[] of = IntStream.range(0, result.rows().size())
                        .filter(i -> result.rows().get(i).harness() == harness)
                        .mapToDouble(i -> result.absLogRatios()[i]).toArray();
                if (of.length > 1) {
                    Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
                    System.out.printf(Locale.ROOT, "  %s: %d rows, 95th percentile of |B/A - 1| %.2f%%, "
                                    + "median %.2f%%%n", harness.label(), of.length,
                            Math.expm1(percentile.evaluate(of, COVERED_PERCENTILE)) * 100,
                            Math.expm1(percentile.evaluate(of, 50)) * 100);
                }
            }
            System.out.println("rows beyond the margin:");
            for (int i = 0; i < result.rows().size(); i++) {
                if (result.absLogRatios()[i] > Math.log(1 + result.marginPercent() / 100)) {
                    StrategyComparison row = result.rows().get(i);
                    System.out.printf(Locale.ROOT, "  %s %s %s: |B/A - 1| = %.1f%%%n", row.harness().label(),
                            row.source(), row.scenario().shortLabel(), Math.expm1(result.absLogRatios()[i]) * 100);
                }
            }
        } catch (BadInputException | IllegalArgumentException e) {
            System.err.println("AaMargin: " + e.getMessage());
            System.exit(2);
        }
    }
}
