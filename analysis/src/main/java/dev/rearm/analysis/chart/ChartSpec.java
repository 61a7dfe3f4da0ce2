package dev.rearm.analysis.chart;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One chart of the report.
 *
 * @param name    the file name without extension (charts/NAME.png and charts/NAME.svg)
 * @param caption one sentence under the image: what to read from it
 */
public record ChartSpec(String name, String title, String caption, Chart<?, ?> chart) {
}
