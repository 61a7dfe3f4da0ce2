package dev.rearm.analysis.chart;

import dev.rearm.analysis.load.Harness;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The look every chart shares, set once: size, fonts, colours, legend placement. */
final class ChartTheme {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    /** Roughly the plot area's width once axes and margins are drawn, for sizing bars. */
    static final double PLOT_WIDTH = WIDTH - 140;

    static final Color NATIVE = new Color(0x1f, 0x5f, 0xa8);
    static final Color JMH = new Color(0xe0, 0x7b, 0x10);
    static final Color REOPEN = new Color(0xc0, 0x39, 0x2b);
    static final Color MODIFY = new Color(0x27, 0x8a, 0x4b);
    static final Color INTERVAL = new Color(0x20, 0x20, 0x20);
    static final Color CLAIM = new Color(0x80, 0x80, 0x80);
    static final Color[] PHASES = {
        new Color(0x4e, 0x79, 0xa7), new Color(0xf2, 0x8e, 0x2b), new Color(0xe1, 0x57, 0x59),
        new Color(0x76, 0xb7, 0xb2), new Color(0x59, 0xa1, 0x4f), new Color(0xed, 0xc9, 0x48),
        new Color(0xb0, 0x7a, 0xa1), new Color(0x9c, 0x75, 0x5f)};

    private ChartTheme() {
    }

    static Color of(Harness harness) {
        return harness == Harness.NATIVE ? NATIVE : JMH;
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        return xy(title, xTitle, yTitle, HEIGHT);
    }

    /** An XY chart of the report's width and its own height, e.g. one panel of a stacked chart. */
    static XYChart xy(String title, String xTitle, String yTitle, int height) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    private static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xb0, 0xb0, 0xb0));
        styler.setPlotGridLinesColor(new Color(0xe3, 0xe3, 0xe3));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setMarkerSize(9);
        styler.setAntiAlias(true);
        styler.setChartPadding(12);
    }
}
