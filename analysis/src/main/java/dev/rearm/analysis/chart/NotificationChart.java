package dev.rearm.analysis.chart;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.compare.NotificationTable;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.load.Harness;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * The headline speedup per notification (none, signal, sigtrap) side by side, never and always
 * trapping, per harness: a bar per mode in each group, a mode that was not measured leaves a gap
 * (the report's table says why). Drawn once at least two modes were measured.
 */
final class NotificationChart {
    static final String NAME = "notification";
    static final String TITLE = "Speedup by how a trap is notified";
    private static final Color[] MODE_COLORS = {ChartTheme.CLAIM, ChartTheme.PHASES[0], ChartTheme.PHASES[2]};

    private NotificationChart() {
    }

    static Optional<ChartSpec> build(Analysis analysis) {
        NotificationTable table = analysis.notifications();
        List<String> groups = new ArrayList<>();
        List<Harness> groupHarness = new ArrayList<>();
        List<Integer> groupTrapEvery = new ArrayList<>();
        for (Harness harness : Harness.values()) {
            for (int trapEvery : NotificationTable.TRAP_EVERY) {
                long modes = NotificationTable.MODES.stream()
                        .filter(mode -> table.cell(harness, mode, trapEvery).comparison().isPresent()).count();
                if (modes > 0) {
                    groups.add((trapEvery == 0 ? "never traps" : "always traps") + " · " + harness.label());
                    groupHarness.add(harness);
                    groupTrapEvery.add(trapEvery);
                }
            }
        }
        // One mode alone compares nothing: the headline chart already shows it.
        boolean twoModesSomewhere = NotificationTable.MODES.stream().filter(mode -> table.cells().stream()
                .anyMatch(c -> c.notifyMode().equals(mode) && c.comparison().isPresent())).count() >= 2;
        if (!twoModesSomewhere) {
            return Optional.empty();
        }
        XYChart chart = ChartTheme.xy(TITLE, "trapEvery · harness", "speedup (reopen / modify)");
        XyPlots.categoryAxis(chart, groups);
        int modes = NotificationTable.MODES.size();
        float width = XyPlots.barWidth(groups.size(), modes);
        double step = 0.7 / modes;
        List<Double> ciX = new ArrayList<>();
        List<Double> ciLow = new ArrayList<>();
        List<Double> ciHigh = new ArrayList<>();
        for (int m = 0; m < modes; m++) {
            String mode = NotificationTable.MODES.get(m);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                Optional<StrategyComparison> cell = table.cell(groupHarness.get(g), mode, groupTrapEvery.get(g))
                        .comparison();
                if (cell.isPresent()) {
                    double position = g + 1 + (m - (modes - 1) / 2.0) * step;
                    x.add(position);
                    y.add(cell.get().speedup().point());
                    ciX.add(position);
                    ciLow.add(cell.get().speedup().low());
                    ciHigh.add(cell.get().speedup().high());
                }
            }
            if (!x.isEmpty()) {
                XyPlots.bars(chart, "notify=" + mode, array(x), array(y), 0, MODE_COLORS[m], width);
            }
        }
        XyPlots.intervals(chart, "95% CI", array(ciX), array(ciLow), array(ciHigh), ChartTheme.INTERVAL);
        chart.getStyler().setYAxisMin(0.0);
        return Optional.of(new ChartSpec(NAME, TITLE, "Bars: mean ns/op of reopen over that of modify at the headline "
                + "scenario with each notification (sigtrap: no ring, so pages=0); black whiskers: 95% CI (t interval "
                + "on the log ratio). A missing bar was not measured; the table above says why.", chart));
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
