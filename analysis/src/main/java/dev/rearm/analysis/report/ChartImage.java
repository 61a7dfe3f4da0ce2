package dev.rearm.analysis.report;

import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.report.doc.Document;

/** A drawn chart placed in the report: every section that shows a chart does it this one way. */
final class ChartImage {
    private ChartImage() {
    }

    /** The chart {@code name} as an image with its title and caption; nothing when it was not drawn (skipped). */
    static void place(Document doc, ChartSet charts, String name) {
        charts.find(name).ifPresent(c -> doc.image("charts/" + c.name() + ".png", c.title(), c.caption()));
    }
}
