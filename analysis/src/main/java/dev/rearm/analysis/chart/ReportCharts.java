package dev.rearm.analysis.chart;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.claims.Claim;
import dev.rearm.analysis.claims.ClaimCheck;
import dev.rearm.analysis.claims.ClaimRow;
import dev.rearm.analysis.claims.ToleranceRule;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.compare.Sweep;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.LatencyMeasurement;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.model.FittedModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, one small builder per chart. A builder returns empty when its data were
 * not measured; the chart is then listed as skipped, with why.
 */
public final class ReportCharts {
    /** The SampleTime percentiles the latency chart and table show. */
    public static final double[] LATENCY_PERCENTILES = {50, 90, 99, 99.9};

    private record Entry(String name, String title, String whyAbsent, Function<Analysis, Optional<ChartSpec>> builder) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("headline", "Headline speedup: reopen / modify",
                    "no reopen/modify pair at the headline scenario (trapEvery 0 or 1) in either harness",
                    ReportCharts::headline),
            new Entry("ring-pages", "Speedup vs ring-buffer pages",
                    "fewer than two ring sizes measured (pages sweep: RingPagesBenchmark / native matrix 'pages')",
                    ReportCharts::ringPages),
            new Entry("trap-rate", "Speedup vs trap rate, with the cost model",
                    "fewer than two trap rates measured (TrapRateBenchmark / native matrix 'trap-rate')",
                    ReportCharts::trapRate),
            new Entry(NotificationChart.NAME, NotificationChart.TITLE, "fewer than two notify modes measured at the "
                    + "headline scenario (native matrix 'notify' / HeadlineBenchmark)", NotificationChart::build),
            new Entry(AnatomyCharts.PARTS, AnatomyCharts.PARTS_TITLE,
                    "native.json has no trap-anatomy parts that were measured (perfbp-bench trap-anatomy)",
                    AnatomyCharts::parts),
            new Entry(AnatomyCharts.NEEDS, AnatomyCharts.NEEDS_TITLE,
                    "no native cost model (the headline at trapEvery 0 and 1 by both strategies)", AnatomyCharts::needs),
            new Entry(ReopenPhasesChart.NAME, ReopenPhasesChart.TITLE,
                    "native.json has no phasesNs for reopen (the native harness's phase pass did not run)",
                    ReopenPhasesChart::build),
            new Entry("latency", "Single-op latency percentiles",
                    "jmh.json has no SampleTime results (LatencyBenchmark)", ReportCharts::latency),
            new Entry("threads", "Speedup vs threads",
                    "fewer than two thread counts measured (ThreadsBenchmark / native matrix 'threads')",
                    c -> sweepChart(c, Sweep.THREADS, "threads", "threads, each moving its own watchpoint",
                            Scenario::threads)),
            new Entry("slots", "Speedup vs watchpoints armed at once",
                    "fewer than two slot counts measured (SlotsBenchmark / native matrix 'slots')",
                    c -> sweepChart(c, Sweep.SLOTS, "slots", "watchpoints armed at once (moved round-robin)",
                            Scenario::slots)),
            new Entry("shape-matrix", "Speedup by watchpoint shape",
                    "fewer than two watchpoint shapes measured (ShapeBenchmark / native matrix 'shape')",
                    ReportCharts::shapeMatrix),
            new Entry("harness-agreement", "JMH vs native: the same scenarios",
                    "no scenario was measured by both harnesses", ReportCharts::harnessAgreement),
            new Entry(ProfilerChart.NAME, ProfilerChart.TITLE,
                    "native.json has no profiler runs (perfbp-bench --matrix profiler)", ProfilerChart::build));

    private ReportCharts() {
    }

    public static ChartSet build(Analysis analysis) {
        List<ChartSpec> drawn = new ArrayList<>();
        List<SkippedChart> skipped = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            Optional<ChartSpec> chart = entry.builder().apply(analysis);
            if (chart.isPresent()) {
                drawn.add(chart.get());
            } else {
                skipped.add(new SkippedChart(entry.name(), entry.title(), entry.whyAbsent()));
            }
        }
        return new ChartSet(List.copyOf(drawn), List.copyOf(skipped));
    }

    private static String title(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().title();
    }

    static Optional<ChartSpec> headline(Analysis analysis) {
        List<ClaimRow> rows = analysis.claims().stream().filter(r -> r.measured() != null).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartTheme.xy(title("headline"), "the commit's claim · harness", "speedup (reopen / modify)");
        List<String> names = new ArrayList<>();
        for (ClaimRow row : rows) {
            names.add((row.claim() == Claim.NEVER_TRAPPING ? "never traps" : "always traps") + " · "
                    + row.harness().label());
        }
        XyPlots.categoryAxis(chart, names);
        float width = XyPlots.barWidth(rows.size(), 2);
        double barOffset = -0.12;
        double claimOffset = 0.24;
        for (Harness harness : Harness.values()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).harness() == harness) {
                    x.add(i + 1 + barOffset);
                    y.add(rows.get(i).measured().speedup().point());
                }
            }
            if (!x.isEmpty()) {
                XyPlots.bars(chart, harness.label() + " (measured)", array(x), array(y), 0, ChartTheme.of(harness), width);
            }
        }
        double[] barX = new double[rows.size()];
        double[] claimX = new double[rows.size()];
        double[] low = new double[rows.size()];
        double[] high = new double[rows.size()];
        double[] claimed = new double[rows.size()];
        double[] bandLow = new double[rows.size()];
        double[] bandHigh = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ClaimRow row = rows.get(i);
            barX[i] = i + 1 + barOffset;
            claimX[i] = i + 1 + claimOffset;
            low[i] = row.measured().speedup().low();
            high[i] = row.measured().speedup().high();
            claimed[i] = row.claim().speedup();
            bandLow[i] = ToleranceRule.lower(claimed[i]);
            bandHigh[i] = ToleranceRule.upper(claimed[i]);
        }
        XyPlots.intervals(chart, "95% CI", barX, low, high, ChartTheme.INTERVAL);
        XyPlots.intervals(chart, "claim's tolerance band", claimX, bandLow, bandHigh, ChartTheme.CLAIM);
        XyPlots.points(chart, "commit's claim", claimX, claimed, ChartTheme.CLAIM, SeriesMarkers.DIAMOND, false);
        chart.getStyler().setYAxisMin(0.0);
        return Optional.of(new ChartSpec("headline", title("headline"),
                "Bars: mean ns/op of reopen over that of modify at the headline scenario; black whiskers: "
                        + "95% CI (t interval on the log ratio); grey diamond and whisker: the commit's claim and the band within which "
                        + "it counts as reproduced.", chart));
    }

    static Optional<ChartSpec> ringPages(Analysis analysis) {
        List<List<StrategyComparison>> perHarness = sweeps(analysis, Sweep.PAGES, Scenario::pages);
        if (perHarness.stream().allMatch(s -> s.size() < 2)) {
            return Optional.empty();
        }
        XYChart chart = ChartTheme.xy(title("ring-pages"), "data pages in the ring buffer (log scale)",
                "speedup (reopen / modify, log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        int minExponent = Integer.MAX_VALUE;
        int maxExponent = 0;
        int index = 0;
        for (Harness harness : Harness.values()) {
            List<StrategyComparison> sweep = perHarness.get(index++);
            if (sweep.isEmpty()) {
                continue;
            }
            // JMH's points sit a little to the right so the two harnesses' whiskers stay apart.
            double shift = harness == Harness.JMH ? 0.06 : -0.06;
            double[] x = sweep.stream().mapToDouble(c -> log2(c.scenario().pages()) + shift).toArray();
            for (StrategyComparison c : sweep) {
                minExponent = Math.min(minExponent, (int) Math.floor(log2(c.scenario().pages())));
                maxExponent = Math.max(maxExponent, (int) Math.ceil(log2(c.scenario().pages())));
            }
            addSpeedups(chart, harness, sweep, x, true);
        }
        XyPlots.powersOfTwoAxis(chart, minExponent, maxExponent);
        return Optional.of(new ChartSpec("ring-pages", title("ring-pages"),
                "reopen unmaps and maps the ring on every move, so its cost grows with the ring; modify keeps "
                        + "the ring. Whiskers: 95% CI (t interval on the log ratio) (the two harnesses' points are drawn slightly apart).",
                chart));
    }

    static Optional<ChartSpec> trapRate(Analysis analysis) {
        List<List<StrategyComparison>> perHarness = sweeps(analysis, Sweep.TRAP_RATE,
                c -> (int) Math.round(c.trapRate() * 1_000_000));
        if (perHarness.stream().allMatch(s -> s.size() < 2)) {
            return Optional.empty();
        }
        XYChart chart = ChartTheme.xy(title("trap-rate"), "trap rate f = 1/trapEvery (traps per move, log scale)",
                "speedup (reopen / modify)");
        // f = 0, 0.01 and 0.1 would crowd at the left of a linear axis.
        double smallest = perHarness.stream().flatMap(List::stream).mapToDouble(c -> c.scenario().trapRate())
                .filter(f -> f > 0).min().orElse(1);
        double zero = XyPlots.rateAxis(chart, smallest);
        int index = 0;
        for (Harness harness : Harness.values()) {
            List<StrategyComparison> sweep = perHarness.get(index++);
            if (sweep.isEmpty()) {
                continue;
            }
            // JMH's points sit a little to the right so the two harnesses' whiskers stay apart.
            double shift = harness == Harness.JMH ? 0.03 : -0.03;
            double[] x = sweep.stream().mapToDouble(c -> ratePosition(c.scenario().trapRate(), zero) + shift).toArray();
            addSpeedups(chart, harness, sweep, x, false);
            FittedModel model = analysis.models().get(harness);
            if (model != null) {
                // From f = 0 at its place, then evenly spaced in log f from a third of a decade right of it up to 1.
                int steps = 40;
                double[] position = new double[steps + 2];
                double[] predicted = new double[steps + 2];
                position[0] = zero;
                predicted[0] = model.model().speedup(0);
                for (int i = 0; i <= steps; i++) {
                    double exponent = (zero + 0.33) * (1 - (double) i / steps);
                    position[i + 1] = exponent;
                    predicted[i + 1] = model.model().speedup(Math.pow(10, exponent));
                }
                XyPlots.curve(chart, harness.label() + " model", position, predicted, ChartTheme.of(harness), true);
            }
        }
        chart.getStyler().setYAxisMin(0.0);
        return Optional.of(new ChartSpec("trap-rate", title("trap-rate"),
                "Points: measured speedup, whiskers: 95% CI (t interval on the log ratio); dashed: the cost model (C_reopen + f T_reopen) / "
                        + "(C_modify + f T_modify), fitted on trapEvery 0 and 1 only. f is on a log axis; f = 0 (never "
                        + "traps), which a log axis cannot show, is drawn one decade left of the smallest rate measured.",
                chart));
    }

    /** Where a trap rate sits on {@link XyPlots#rateAxis}. */
    private static double ratePosition(double rate, double zero) {
        return rate > 0 ? Math.log10(rate) : zero;
    }

    static Optional<ChartSpec> latency(Analysis analysis) {
        List<LatencyMeasurement> latencies = analysis.run().latencies();
        if (latencies.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartTheme.xy(title("latency"), "percentile", "time per op (µs, log scale)");
        List<String> names = new ArrayList<>();
        for (double p : LATENCY_PERCENTILES) {
            names.add(percentileName(p));
        }
        XyPlots.categoryAxis(chart, names);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setPlotGridVerticalLinesVisible(true);
        List<LatencyMeasurement> sorted = new ArrayList<>(latencies);
        sorted.sort(Comparator.comparing((LatencyMeasurement l) -> l.key().scenario().label())
                .thenComparing(l -> l.key().strategy()));
        for (LatencyMeasurement latency : sorted) {
            double[] x = new double[LATENCY_PERCENTILES.length];
            double[] y = new double[LATENCY_PERCENTILES.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = latency.histogram().percentile(LATENCY_PERCENTILES[i]) / 1_000;
            }
            boolean reopen = ScenarioKey.REOPEN.equals(latency.key().strategy());
            XYSeries series = XyPlots.points(chart, latency.key().strategy() + ", " + latency.key().scenario().shortLabel(),
                    x, y, reopen ? ChartTheme.REOPEN : ChartTheme.MODIFY,
                    reopen ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE, true);
            if (latency.key().scenario().trapEvery() != 0) {
                series.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        return Optional.of(new ChartSpec("latency", title("latency"),
                "JMH SampleTime: every sampled op's time, all forks merged, R_7 percentiles; solid lines never "
                        + "trap, dashed lines trap.", chart));
    }

    static Optional<ChartSpec> sweepChart(Analysis analysis, Sweep sweep, String name, String xTitle,
                                          ToIntFunction<Scenario> key) {
        List<List<StrategyComparison>> perHarness = sweeps(analysis, sweep, key);
        if (perHarness.stream().allMatch(s -> s.size() < 2)) {
            return Optional.empty();
        }
        XYChart chart = ChartTheme.xy(title(name), xTitle, "speedup (reopen / modify)");
        List<Integer> values = perHarness.stream().flatMap(List::stream).map(c -> key.applyAsInt(c.scenario()))
                .distinct().sorted().toList();
        XyPlots.categoryAxis(chart, values.stream().map(String::valueOf).toList());
        int index = 0;
        for (Harness harness : Harness.values()) {
            List<StrategyComparison> points = perHarness.get(index++);
            if (points.isEmpty()) {
                continue;
            }
            double shift = harness == Harness.NATIVE ? -0.06 : 0.06;
            double[] x = points.stream().mapToDouble(c -> values.indexOf(key.applyAsInt(c.scenario())) + 1 + shift)
                    .toArray();
            addSpeedups(chart, harness, points, x, true);
        }
        chart.getStyler().setYAxisMin(0.0);
        return Optional.of(new ChartSpec(name, title(name),
                "Points: measured speedup at the headline scenario with only this key changed; whiskers: 95% CI (t interval "
                        + "on the log ratio).", chart));
    }

    static Optional<ChartSpec> shapeMatrix(Analysis analysis) {
        List<List<StrategyComparison>> perHarness = sweeps(analysis, Sweep.SHAPE, s -> 0);
        List<String> shapes = perHarness.stream().flatMap(List::stream).map(c -> c.scenario())
                .sorted(Comparator.comparingInt((Scenario s) -> typeOrder(s.bpType())).thenComparingInt(Scenario::bpLen))
                .map(ReportCharts::shapeName).distinct().toList();
        if (shapes.size() < 2) {
            return Optional.empty();
        }
        XYChart chart = ChartTheme.xy(title("shape-matrix"), "watchpoint type / length (bytes)",
                "speedup (reopen / modify)");
        XyPlots.categoryAxis(chart, shapes);
        float width = XyPlots.barWidth(shapes.size(), 2);
        int index = 0;
        List<Double> ciX = new ArrayList<>();
        List<Double> ciLow = new ArrayList<>();
        List<Double> ciHigh = new ArrayList<>();
        for (Harness harness : Harness.values()) {
            List<StrategyComparison> points = perHarness.get(index++);
            if (points.isEmpty()) {
                continue;
            }
            double shift = harness == Harness.NATIVE ? -0.17 : 0.17;
            double[] x = points.stream().mapToDouble(c -> shapes.indexOf(shapeName(c.scenario())) + 1 + shift).toArray();
            XyPlots.bars(chart, harness.label(), x, points.stream().mapToDouble(c -> c.speedup().point()).toArray(), 0,
                    ChartTheme.of(harness), width);
            for (int i = 0; i < x.length; i++) {
                ciX.add(x[i]);
                ciLow.add(points.get(i).speedup().low());
                ciHigh.add(points.get(i).speedup().high());
            }
        }
        XyPlots.intervals(chart, "95% CI", array(ciX), array(ciLow), array(ciHigh), ChartTheme.INTERVAL);
        chart.getStyler().setYAxisMin(0.0);
        return Optional.of(new ChartSpec("shape-matrix", title("shape-matrix"),
                "Every watchpoint shape the CPU accepted, at the headline scenario otherwise; shapes the CPU "
                        + "refused are listed under 'what could not run'.", chart));
    }

    static Optional<ChartSpec> harnessAgreement(Analysis analysis) {
        List<double[]> reopen = new ArrayList<>();
        List<double[]> modify = new ArrayList<>();
        for (StrategyComparison nativeSide : analysis.comparisons().of(Harness.NATIVE)) {
            Optional<StrategyComparison> jmh = analysis.comparisons().find(Harness.JMH, nativeSide.scenario(),
                    ClaimCheck.HEADLINE_SOURCES);
            if (jmh.isPresent()) {
                reopen.add(new double[] {nativeSide.reopenSummary().mean(), jmh.get().reopenSummary().mean()});
                modify.add(new double[] {nativeSide.modifySummary().mean(), jmh.get().modifySummary().mean()});
            }
        }
        if (reopen.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartTheme.xy(title("harness-agreement"), "native harness: mean time per op (µs, log scale)",
                "JMH: mean time per op (µs, log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (List<double[]> points : List.of(reopen, modify)) {
            for (double[] point : points) {
                min = Math.min(min, Math.min(point[0], point[1]));
                max = Math.max(max, Math.max(point[0], point[1]));
            }
        }
        XyPlots.curve(chart, "JMH = native", new double[] {min / 1_000 / 1.2, max / 1_000 * 1.2},
                new double[] {min / 1_000 / 1.2, max / 1_000 * 1.2}, ChartTheme.CLAIM, true);
        XyPlots.points(chart, "reopen", column(reopen, 0), column(reopen, 1), ChartTheme.REOPEN, SeriesMarkers.CIRCLE,
                false);
        XyPlots.points(chart, "modify", column(modify, 0), column(modify, 1), ChartTheme.MODIFY, SeriesMarkers.SQUARE,
                false);
        return Optional.of(new ChartSpec("harness-agreement", title("harness-agreement"),
                "One point per strategy and scenario measured by both harnesses; above the dashed line JMH is "
                        + "slower (the JVM and its binding add to every op).", chart));
    }

    /** Adds one harness's speedups with their whiskers. */
    private static void addSpeedups(XYChart chart, Harness harness, List<StrategyComparison> points, double[] x,
                                    boolean joined) {
        double[] y = points.stream().mapToDouble(c -> c.speedup().point()).toArray();
        double[] low = points.stream().mapToDouble(c -> c.speedup().low()).toArray();
        double[] high = points.stream().mapToDouble(c -> c.speedup().high()).toArray();
        XyPlots.points(chart, harness.label(), x, y, ChartTheme.of(harness), SeriesMarkers.CIRCLE, joined);
        // The captions say what the whiskers are; in the legend they would double every entry.
        XyPlots.intervals(chart, harness.label() + " 95% CI", x, low, high, ChartTheme.of(harness)).setShowInLegend(false);
    }

    /** Per harness (in {@link Harness} order), the sweep's comparisons sorted by the swept key. */
    private static List<List<StrategyComparison>> sweeps(Analysis analysis, Sweep sweep, ToIntFunction<Scenario> key) {
        List<List<StrategyComparison>> perHarness = new ArrayList<>();
        for (Harness harness : Harness.values()) {
            List<StrategyComparison> points = new ArrayList<>(analysis.comparisons().sweep(harness, sweep));
            points.sort(Comparator.comparingInt(c -> key.applyAsInt(c.scenario())));
            perHarness.add(points);
        }
        return perHarness;
    }

    /** "p50", "p99.9". */
    public static String percentileName(double percent) {
        return "p" + (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent));
    }

    private static double log2(int value) {
        return Math.log(value) / Math.log(2);
    }

    private static String shapeName(Scenario scenario) {
        return scenario.bpType() + "/" + scenario.bpLen();
    }

    private static int typeOrder(String bpType) {
        int order = List.of("W", "RW", "X", "R").indexOf(bpType);
        return order < 0 ? 99 : order;
    }

    private static double[] column(List<double[]> points, int index) {
        return points.stream().mapToDouble(p -> p[index] / 1_000).toArray();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
