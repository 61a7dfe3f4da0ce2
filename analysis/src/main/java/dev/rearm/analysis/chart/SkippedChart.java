package dev.rearm.analysis.chart;

/** A chart the report could not draw because its data were not measured, and why. */
public record SkippedChart(String name, String title, String why) {
}
