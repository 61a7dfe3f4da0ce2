package dev.rearm.analysis.chart;

import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One chart of the report: one XChart, or several panels stacked top to bottom in one image when
 * their x scales differ too much to share an axis.
 *
 * @param name    the file name without extension (charts/NAME.png and charts/NAME.svg)
 * @param caption one sentence under the image: what to read from it
 */
public record ChartSpec(String name, String title, String caption, List<Chart<?, ?>> panels) {

    public ChartSpec {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("chart " + name + " has no panel");
        }
        panels = List.copyOf(panels);
    }

    public ChartSpec(String name, String title, String caption, Chart<?, ?> chart) {
        this(name, title, caption, List.of(chart));
    }

    /** The first (for most charts the only) panel. */
    public Chart<?, ?> chart() {
        return panels.get(0);
    }

    public int width() {
        return panels.stream().mapToInt(Chart::getWidth).max().orElseThrow();
    }

    public int height() {
        return panels.stream().mapToInt(Chart::getHeight).sum();
    }
}
