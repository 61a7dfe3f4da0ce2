package dev.rearm.analysis.chart;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.claims.Claim;
import dev.rearm.analysis.claims.ToleranceRule;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.model.CostModel;
import dev.rearm.analysis.model.FittedModel;
import dev.rearm.analysis.model.TrapAnatomy;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The trap anatomy's two charts: what one trap is made of here (the headline's O_ASYNC trap
 * stacked piece by piece, sigtrap beside it, the reference exceptions below), and what ~4x needs
 * (the always-trapping speedup as a function of the trap's cost, the claim's band, this host's
 * trap and the what-if without the debug intercept).
 */
final class AnatomyCharts {
    static final String PARTS = "trap-anatomy";
    static final String PARTS_TITLE = "What one trap costs here, piece by piece";
    static final String NEEDS = "four-x-needs";
    static final String NEEDS_TITLE = "What ~4x needs: always-trapping speedup vs trap cost";

    private static final int ROW_PX = 34;
    private static final Color[] PIECE_COLORS = {new Color(0x1f, 0x5f, 0xa8), new Color(0x6a, 0xa8, 0xd8),
        new Color(0xe0, 0x7b, 0x10), new Color(0xc0, 0x39, 0x2b), new Color(0x27, 0x8a, 0x4b), new Color(0x80, 0x80, 0x80)};

    /** One bar: its label and its layers (piece name, µs), stacked left to right. */
    private record Row(String label, List<String> names, List<Double> us) {
    }

    private AnatomyCharts() {
    }

    static Optional<ChartSpec> parts(Analysis analysis) {
        TrapAnatomy a = analysis.anatomy();
        List<Row> rows = new ArrayList<>();
        Optional<Double> count = us(a, "count");
        if (count.isPresent() && a.part("ring-signal").isPresent() && a.piece("sample").isPresent()
                && a.piece("wakeup").isPresent() && a.piece("signal").isPresent()) {
            rows.add(new Row("watchpoint + O_ASYNC signal (headline)",
                    List.of("exception and count", "sample", "wakeup", "signal"),
                    List.of(count.get(), piece(a, "sample"), piece(a, "wakeup"), piece(a, "signal"))));
        }
        if (count.isPresent() && a.piece("sigtrapBeyondCount").isPresent()) {
            rows.add(new Row("watchpoint + attr.sigtrap", List.of("exception and count", "synchronous SIGTRAP"),
                    List.of(count.get(), piece(a, "sigtrapBeyondCount"))));
        }
        count.ifPresent(us -> rows.add(new Row("watchpoint, counting only", List.of("exception and count"), List.of(us))));
        for (String[] reference : new String[][] {{"int3", "int3 -> handler (#BP)"},
            {"single-step", "single-step -> handler (#DB)"}, {"tgkill", "tgkill to self -> handler"},
            {"getppid", "getppid (a syscall)"}}) {
            us(a, reference[0]).ifPresent(us -> rows.add(new Row(reference[1], List.of("reference"), List.of(us))));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        XYChart chart = ChartTheme.xy(PARTS_TITLE, "µs per trap", "", 120 + ROW_PX * rows.size() + 60);
        List<String> labels = rows.stream().map(Row::label).toList();
        XyPlots.categoryYAxis(chart, labels, ROW_PX);
        List<String> legend = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double y = rows.size() - r;
            double from = 0;
            for (int k = 0; k < row.names().size(); k++) {
                double to = from + Math.max(0, row.us().get(k));
                String name = row.names().get(k);
                boolean first = !legend.contains(name);
                if (first) {
                    legend.add(name);
                }
                Color color = PIECE_COLORS[legend.indexOf(name) % PIECE_COLORS.length];
                XyPlots.horizontalBars(chart, first ? name : name + " " + r, new double[] {y}, new double[] {from},
                        new double[] {to}, color, ROW_PX * 0.6f, -10);
                if (!first) {
                    chart.getSeriesMap().get(name + " " + r).setShowInLegend(false);
                }
                from = to;
            }
        }
        chart.getStyler().setXAxisMin(0.0);
        return Optional.of(new ChartSpec(PARTS, PARTS_TITLE, "Each bar is what one trap adds to a loop here (trapping "
                + "loop less the same loop without the trap), means over rounds; the headline's trap is stacked from "
                + "the parts measured one configuration apart. The references need no perf: a gap between "
                + "single-step (#DB) and int3 (#BP) is what this host adds to a debug exception.", chart));
    }

    static Optional<ChartSpec> needs(Analysis analysis) {
        FittedModel fitted = analysis.models().get(Harness.NATIVE);
        if (fitted == null) {
            return Optional.empty();
        }
        CostModel m = fitted.model();
        TrapAnatomy a = analysis.anatomy();
        double host = a.hostTrapNs(m);
        Optional<Double> whatIf = a.trapWithoutDebugInterceptNs();
        double claimed = Claim.ALWAYS_TRAPPING.speedup();
        double needed = m.commonTrapCostFor(claimed).orElse(0);
        double maxNs = Math.max(Math.max(needed * 2, host * 1.3), 20_000);
        int n = 200;
        double[] x = new double[n + 1];
        double[] y = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double ns = maxNs * i / n;
            x[i] = ns / 1e3;
            y[i] = m.speedupWithCommonTrap(ns);
        }
        XYChart chart = ChartTheme.xy(NEEDS_TITLE, "cost of one trap (µs), the same after either strategy",
                "speedup reopen / modify");
        XyPlots.curve(chart, "cost model, native", x, y, ChartTheme.NATIVE, false);
        double[] ends = {0, maxNs / 1e3};
        double low = ToleranceRule.lower(claimed);
        double high = ToleranceRule.upper(claimed);
        XyPlots.curve(chart, "~4x band [3.2, 5]", ends, new double[] {low, low}, ChartTheme.CLAIM, true);
        XyPlots.curve(chart, "~4x band top", ends, new double[] {high, high}, ChartTheme.CLAIM, true)
                .setShowInLegend(false);
        XyPlots.points(chart, "this host's trap", new double[] {host / 1e3},
                new double[] {m.speedupWithCommonTrap(host)}, ChartTheme.REOPEN, SeriesMarkers.DIAMOND, false);
        whatIf.ifPresent(ns -> XyPlots.points(chart, "what-if: no #DB intercept",
                new double[] {ns / 1e3}, new double[] {m.speedupWithCommonTrap(ns)},
                ChartTheme.MODIFY, SeriesMarkers.CIRCLE, false));
        chart.getStyler().setYAxisMin(1.0);
        return Optional.of(new ChartSpec(NEEDS, NEEDS_TITLE, "The line is the cost model with this run's native move "
                + "costs; the dashed lines bound the ~4x claim's band. The diamond is the trap measured here (trap "
                + "anatomy's ring-signal part, else the cost model's trap); the circle, where the anatomy ran, is a what-if computed from measured parts (the trap less what a #DB costs beyond a #BP), "
                + "not a measurement.", chart));
    }

    private static Optional<Double> us(TrapAnatomy a, String part) {
        return a.part(part).map(p -> p.nsPerTrap().point() / 1e3);
    }

    private static double piece(TrapAnatomy a, String key) {
        return a.piece(key).orElseThrow().ns().point() / 1e3;
    }
}
