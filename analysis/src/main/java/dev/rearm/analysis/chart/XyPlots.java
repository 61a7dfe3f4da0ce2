package dev.rearm.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Series shapes XChart has no ready-made style for, drawn on an XY chart: bars (thick vertical
 * strokes), asymmetric confidence intervals (whiskers with caps; XChart's own error bars are
 * symmetric), and a category axis. Segments are separated by NaN points, which XChart leaves
 * undrawn.
 */
final class XyPlots {
    private XyPlots() {
    }

    /**
     * Vertical bars from {@code base} up to each y, {@code widthPx} wide. The legend would draw the
     * bar's stroke as a huge block, so the bars stay out of it and a square marker of the same
     * colour, hidden in the middle of each bar, stands for them there.
     */
    static void bars(XYChart chart, String name, double[] x, double[] y, double base, Color color, float widthPx) {
        double[][] segments = segments(x, fill(x.length, base), y);
        thickSegments(chart, name, segments[0], segments[1], color, widthPx);
        double[] middle = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            middle[i] = base + (y[i] - base) / 2;
        }
        points(chart, name, x, middle, color, SeriesMarkers.SQUARE, false);
    }

    /**
     * Horizontal bars at each y from {@code from} to {@code to} (a stacked bar is one call per
     * layer), {@code heightPx} thick, kept out of the legend like {@link #bars}. A layer can be
     * thinner than a marker, so the square that stands for it in the legend is drawn at
     * {@code hiddenY}, outside the plotted range, where the plot's clip hides it.
     */
    static void horizontalBars(XYChart chart, String name, double[] y, double[] from, double[] to, Color color,
                               float heightPx, double hiddenY) {
        // The vertical segments of y from..to, with the axes swapped.
        double[][] segments = segments(y, from, to);
        thickSegments(chart, name, segments[1], segments[0], color, heightPx);
        points(chart, name, new double[] {from[0]}, new double[] {hiddenY}, color, SeriesMarkers.SQUARE, false);
    }

    /** Segments drawn as strokes {@code thicknessPx} thick with square ends: bars, kept out of the legend. */
    private static void thickSegments(XYChart chart, String name, double[] x, double[] y, Color color,
                                      float thicknessPx) {
        XYSeries bars = chart.addSeries(name + " (bars)", x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setLineColor(color);
        bars.setLineStyle(new BasicStroke(thicknessPx, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        bars.setShowInLegend(false);
    }

    /** One whisker per point from low to high, with caps. */
    static XYSeries intervals(XYChart chart, String name, double[] x, double[] low, double[] high, Color color) {
        double[][] segments = segments(x, low, high);
        XYSeries series = chart.addSeries(name, segments[0], segments[1]);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(new CapMarker());
        series.setMarkerColor(color);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(1.6f));
        return series;
    }

    /** Points with a marker, joined by a line or not. */
    static XYSeries points(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker,
                           boolean joined) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(joined ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
        series.setLineColor(color);
        if (joined) {
            series.setLineStyle(new BasicStroke(2f));
        }
        return series;
    }

    /** A line without markers, e.g. a model curve or a reference line; dashed when {@code dashed}. */
    static XYSeries curve(XYChart chart, String name, double[] x, double[] y, Color color, boolean dashed) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(dashed ? SeriesLines.DASH_DASH : new BasicStroke(1.5f));
        return series;
    }

    /**
     * A log2 axis for powers of two: data go in as log2(value), ticks read 1, 2, 4 ... 512.
     * (XChart's log axis only labels decades, which hides the page counts actually measured.)
     */
    static void powersOfTwoAxis(XYChart chart, int minExponent, int maxExponent) {
        chart.getStyler().setXAxisMin(minExponent - 0.3);
        chart.getStyler().setXAxisMax(maxExponent + 0.3);
        int steps = Math.max(1, maxExponent - minExponent);
        chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.max(30, ChartTheme.PLOT_WIDTH / (steps + 1) * 0.9));
        Map<Double, String> blanks = new HashMap<>();
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long nearest = Math.round(x);
            if (Math.abs(x - nearest) < 1e-6 && nearest >= 0 && nearest < 62) {
                return String.valueOf(1L << nearest);
            }
            return blanks.computeIfAbsent(x, k -> " ".repeat(blanks.size() + 1));
        });
    }

    /**
     * Labels x = 1 .. n with the names. XChart only keeps a tick layout whose labels are all
     * different, so ticks between categories get distinct blank labels.
     */
    static void categoryAxis(XYChart chart, List<String> names) {
        int n = names.size();
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(n + 0.5);
        chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.max(40, ChartTheme.PLOT_WIDTH / n * 0.95));
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        Map<Double, String> blanks = new HashMap<>();
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long nearest = Math.round(x);
            if (Math.abs(x - nearest) < 1e-6 && nearest >= 1 && nearest <= n) {
                return names.get((int) nearest - 1);
            }
            return blanks.computeIfAbsent(x, k -> " ".repeat(blanks.size() + 1));
        });
    }

    /** Labels y = 1 .. n with the names, the first name at the top. */
    static void categoryYAxis(XYChart chart, List<String> names, int rowPx) {
        int n = names.size();
        chart.getStyler().setYAxisMin(0.4);
        chart.getStyler().setYAxisMax(n + 0.6);
        chart.getStyler().setYAxisTickMarkSpacingHint((int) (rowPx * 0.9));
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        Map<Double, String> blanks = new HashMap<>();
        chart.setCustomYAxisTickLabelsFormatter(y -> {
            long nearest = Math.round(y);
            if (Math.abs(y - nearest) < 1e-6 && nearest >= 1 && nearest <= n) {
                return names.get((int) (n - nearest));
            }
            return blanks.computeIfAbsent(y, k -> " ".repeat(blanks.size() + 1));
        });
    }

    /**
     * A log10 axis for rates in [0, 1] that include 0: x = log10(rate), and rate 0 one decade left
     * of the smallest positive rate, labelled "0". Ticks read 0, 0.01, 0.1, 1.
     *
     * @return where rate 0 is drawn
     */
    static double rateAxis(XYChart chart, double smallestPositiveRate) {
        int zero = (int) Math.floor(Math.log10(smallestPositiveRate)) - 1;
        chart.getStyler().setXAxisMin(zero - 0.25);
        chart.getStyler().setXAxisMax(0.25);
        chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.max(30, ChartTheme.PLOT_WIDTH / (1 - zero) * 0.9));
        Map<Double, String> blanks = new HashMap<>();
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long nearest = Math.round(x);
            if (Math.abs(x - nearest) < 1e-6 && nearest == zero) {
                return "0";
            }
            if (Math.abs(x - nearest) < 1e-6 && nearest > zero && nearest <= 0) {
                return BigDecimal.ONE.scaleByPowerOfTen((int) nearest).toPlainString();
            }
            return blanks.computeIfAbsent(x, k -> " ".repeat(blanks.size() + 1));
        });
        return zero;
    }

    /** The pixel width of one bar when {@code perCategory} bars share each of n categories. */
    static float barWidth(int categories, int perCategory) {
        return (float) Math.max(6, ChartTheme.PLOT_WIDTH / categories * 0.7 / perCategory);
    }

    private static double[][] segments(double[] x, double[] from, double[] to) {
        int n = x.length;
        double[] xs = new double[n * 3];
        double[] ys = new double[n * 3];
        for (int i = 0; i < n; i++) {
            xs[3 * i] = x[i];
            xs[3 * i + 1] = x[i];
            xs[3 * i + 2] = Double.NaN;
            ys[3 * i] = from[i];
            ys[3 * i + 1] = to[i];
            ys[3 * i + 2] = Double.NaN;
        }
        return new double[][] {xs, ys};
    }

    private static double[] fill(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }
}
