package dev.rearm.analysis.chart;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.load.ProfilerEntry;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.profiler.ProfilerOverhead;
import dev.rearm.analysis.profiler.Slowdown;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The profiler matrix's chart: the tool's CPU-time overhead against the sampling rate, one line
 * per strategy and workload (colour: strategy; marker: workload), whiskers the 95% CI (t interval on the log ratio).
 */
final class ProfilerChart {
    static final String NAME = "profiler-overhead";
    static final String TITLE = "Profiler overhead vs sampling rate";

    private static final List<String> STRATEGIES = List.of(ProfilerEntry.SAMPLER, ScenarioKey.REOPEN, ScenarioKey.MODIFY);
    private static final Marker[] WORKLOAD_MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    private ProfilerChart() {
    }

    static Optional<ChartSpec> build(Analysis analysis) {
        ProfilerOverhead profiler = analysis.profiler();
        if (profiler == null || !profiler.measured()) {
            return Optional.empty();
        }
        List<Integer> rates = profiler.rates();
        List<String> workloads = profiler.data().workloads();
        XYChart chart = ChartTheme.xy(TITLE, "sampling rate (samples per second of CPU time)",
                "overhead in CPU time (%, tool / no tool − 1)");
        XyPlots.categoryAxis(chart, rates.stream().map(String::valueOf).toList());
        // Up to nine lines: a column on the right, not a row that runs off the picture.
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        int lines = STRATEGIES.size() * workloads.size();
        int line = 0;
        double lowest = 0;
        for (String strategy : STRATEGIES) {
            for (String workload : workloads) {
                List<Slowdown> points = profiler.slowdowns().stream()
                        .filter(s -> s.entry().strategy().equals(strategy) && s.entry().workload().equals(workload))
                        .toList();
                if (points.isEmpty()) {
                    line++;
                    continue;
                }
                // Lines sit a little apart so their whiskers do not hide each other.
                double shift = (line++ - (lines - 1) / 2.0) * Math.min(0.04, 0.6 / lines);
                double[] x = points.stream().mapToDouble(s -> rates.indexOf(s.entry().rate()) + 1 + shift).toArray();
                double[] y = points.stream().mapToDouble(s -> percent(s.cpu().point())).toArray();
                double[] low = points.stream().mapToDouble(s -> percent(s.cpu().low())).toArray();
                double[] high = points.stream().mapToDouble(s -> percent(s.cpu().high())).toArray();
                for (double value : low) {
                    lowest = Math.min(lowest, value);
                }
                Color colour = colourOf(strategy);
                XYSeries series = XyPlots.points(chart, strategy + " · " + workload, x, y, colour,
                        WORKLOAD_MARKERS[workloads.indexOf(workload) % WORKLOAD_MARKERS.length], true);
                if (ProfilerEntry.SAMPLER.equals(strategy)) {
                    series.setLineStyle(SeriesLines.DASH_DASH);
                }
                XyPlots.intervals(chart, strategy + " · " + workload + " 95% CI", x, low, high, colour)
                        .setShowInLegend(false);
            }
        }
        // Zero at the foot unless noise put a point below it (an overhead too small to resolve).
        chart.getStyler().setYAxisMin(lowest);
        return Optional.of(new ChartSpec(NAME, TITLE,
                "Each line is one workload under one strategy: the tool's overhead in CPU time over the same work "
                        + "with no tool; dashed: the sampler alone (no watchpoint). Whiskers: 95% CI (t interval on the log ratio) over "
                        + "rounds. The sampler is a task-clock software event (see the section).", chart));
    }

    private static double percent(double slowdown) {
        return (slowdown - 1) * 100;
    }

    private static Color colourOf(String strategy) {
        return switch (strategy) {
            case ScenarioKey.REOPEN -> ChartTheme.REOPEN;
            case ScenarioKey.MODIFY -> ChartTheme.MODIFY;
            default -> ChartTheme.CLAIM;
        };
    }
}
