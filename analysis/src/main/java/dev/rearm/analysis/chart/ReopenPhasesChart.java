package dev.rearm.analysis.chart;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.model.ReopenBreakdown;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * "Where a reopen's time goes": one horizontal stacked bar per scenario, in µs, phase by phase,
 * with the timed reopen loop's mean marked beside it. Scenarios are grouped by the key they change
 * (ring pages, trap rate, shape, threads, slots), one panel per group with its own µs scale: the
 * 512-page reopen (~1 ms) would flatten the ~20 µs ones on a shared axis. The headline scenario
 * opens every group as its reference.
 */
final class ReopenPhasesChart {
    static final String NAME = "reopen-phases";
    static final String TITLE = "Where a reopen's time goes";

    private static final int ROW_PX = 26;
    /** Title, x axis and padding of a panel; the last one also holds the legend. */
    private static final int PANEL_FRAME_PX = 92;
    private static final int LEGEND_PX = 40;

    /** @param panel where its panel comes, top to bottom */
    private record Group(String title, int panel, Predicate<Scenario> member) {
    }

    /** A scenario belongs to the first group it matches: trap rate and notify are swept in every group. */
    private static final List<Group> GROUPS = List.of(
            new Group("ring pages", 0, s -> s.pages() != Scenario.HEADLINE.pages()),
            new Group("watchpoint shape", 2, s -> !s.bpType().equals(Scenario.HEADLINE.bpType())
                    || s.bpLen() != Scenario.HEADLINE.bpLen()),
            new Group("threads", 3, s -> s.threads() != Scenario.HEADLINE.threads()),
            new Group("watchpoints armed at once (slots)", 4, s -> s.slots() != Scenario.HEADLINE.slots()),
            new Group("trap rate and notification", 1, s -> true));

    /** Within a panel: by the swept key, the never-trapping rows before the trapping ones. */
    private static final Comparator<Scenario> ROW_ORDER = Comparator.comparingInt(Scenario::pages)
            .thenComparingDouble(Scenario::trapRate).thenComparing(Scenario::notifyMode)
            .thenComparingInt(Scenario::threads).thenComparingInt(Scenario::slots)
            .thenComparing(Scenario::bpType).thenComparingInt(Scenario::bpLen);

    private ReopenPhasesChart() {
    }

    static Optional<ChartSpec> build(Analysis analysis) {
        List<ReopenBreakdown> breakdowns = analysis.breakdowns();
        if (breakdowns.isEmpty()) {
            return Optional.empty();
        }
        Set<String> phases = new LinkedHashSet<>();
        breakdowns.forEach(b -> phases.addAll(b.phasesNs().keySet()));
        Map<Group, List<ReopenBreakdown>> grouped = group(breakdowns);
        List<Chart<?, ?>> panels = new ArrayList<>();
        int index = 0;
        for (Map.Entry<Group, List<ReopenBreakdown>> group : grouped.entrySet()) {
            boolean last = ++index == grouped.size();
            panels.add(panel(analysis, group.getKey().title(), group.getValue(), List.copyOf(phases), index == 1, last));
        }
        return Optional.of(new ChartSpec(NAME, TITLE,
                "Each bar is one reopen (munmap + close + perf_event_open + fcntl + mmap) in µs, timed phase by phase "
                        + "in a separate pass of the native harness; the black diamond beside it is the mean reopen of "
                        + "the timed loop. One panel per swept key, each with its own scale; the headline scenario "
                        + "opens every panel.", panels));
    }

    /** The groups with a scenario of their own, in panel order, each opened by the headline; else the headline alone. */
    private static Map<Group, List<ReopenBreakdown>> group(List<ReopenBreakdown> breakdowns) {
        Optional<ReopenBreakdown> headline = breakdowns.stream().filter(b -> b.scenario().equals(Scenario.HEADLINE))
                .findFirst();
        Map<Group, List<ReopenBreakdown>> grouped = new LinkedHashMap<>();
        for (Group group : GROUPS.stream().sorted(Comparator.comparingInt(Group::panel)).toList()) {
            List<ReopenBreakdown> rows = new ArrayList<>(breakdowns.stream()
                    .filter(b -> !b.scenario().equals(Scenario.HEADLINE) && groupOf(b.scenario()) == group)
                    .sorted(Comparator.comparing(ReopenBreakdown::scenario, ROW_ORDER)).toList());
            if (!rows.isEmpty()) {
                headline.ifPresent(h -> rows.add(0, h));
                grouped.put(group, rows);
            }
        }
        if (grouped.isEmpty()) {
            grouped.put(groupOf(Scenario.HEADLINE), List.of(headline.orElseThrow()));
        }
        return grouped;
    }

    private static Group groupOf(Scenario scenario) {
        return GROUPS.stream().filter(g -> g.member().test(scenario)).findFirst().orElseThrow();
    }

    private static XYChart panel(Analysis analysis, String title, List<ReopenBreakdown> rows, List<String> phases,
                                 boolean first, boolean last) {
        int height = PANEL_FRAME_PX + ROW_PX * rows.size() + (last ? LEGEND_PX : 0);
        XYChart chart = ChartTheme.xy((first ? TITLE + " · " : "") + title, "µs per reopen", null, height);
        chart.getStyler().setLegendVisible(last);
        chart.getStyler().setXAxisMin(0.0);
        int n = rows.size();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = n - i;
        }
        XyPlots.categoryYAxis(chart, rows.stream().map(r -> label(r.scenario())).toList(), ROW_PX);
        double[] from = new double[n];
        int colour = 0;
        for (String phase : phases) {
            double[] to = new double[n];
            for (int i = 0; i < n; i++) {
                to[i] = from[i] + rows.get(i).phasesNs().getOrDefault(phase, 0.0) / 1_000;
            }
            XyPlots.horizontalBars(chart, phase, y, from, to, ChartTheme.PHASES[colour++ % ChartTheme.PHASES.length],
                    ROW_PX * 0.7f, -n);
            from = to;
        }
        List<Double> loopY = new ArrayList<>();
        List<Double> loopX = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<StrategyComparison> timed = analysis.comparisons().find(Harness.NATIVE, rows.get(i).scenario());
            if (timed.isPresent()) {
                loopY.add(y[i]);
                loopX.add(timed.get().reopenSummary().mean() / 1_000);
            }
        }
        if (!loopX.isEmpty()) {
            XyPlots.points(chart, "timed reopen loop (mean)", loopX.stream().mapToDouble(Double::doubleValue).toArray(),
                    loopY.stream().mapToDouble(Double::doubleValue).toArray(), ChartTheme.INTERVAL,
                    SeriesMarkers.DIAMOND, false);
        }
        return chart;
    }

    private static String label(Scenario scenario) {
        return scenario.equals(Scenario.HEADLINE) ? "headline" : scenario.shortLabel();
    }
}
