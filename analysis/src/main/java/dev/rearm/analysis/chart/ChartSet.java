package dev.rearm.analysis.chart;

import java.util.List;
import java.util.Optional;

/** The charts drawn for a report and the ones skipped for lack of data. */
public record ChartSet(List<ChartSpec> drawn, List<SkippedChart> skipped) {

    public Optional<ChartSpec> find(String name) {
        return drawn.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
