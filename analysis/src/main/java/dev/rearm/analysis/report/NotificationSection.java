package dev.rearm.analysis.report;

import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.compare.NotificationTable;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.report.doc.Document;
import dev.rearm.analysis.stats.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's "How a trap is notified": the headline speedups with notify none, signal and
 * sigtrap, both harnesses, and what sigtrap changes, read from the figures present only.
 */
final class NotificationSection {
    static final String HEADING = "How a trap is notified";
    static final String CHART = "notification";

    private NotificationSection() {
    }

    static void write(Document doc, NotificationTable table, ChartSet charts) {
        doc.heading(HEADING);
        doc.paragraph("The headline scenario (`" + Scenario.HEADLINE.label() + "`) with each notification: `none` "
                + "(the kernel counts, and samples into the ring), `signal` (O_ASYNC as well: reopen adds four fcntl), "
                + "`sigtrap` (attr.sigtrap, Linux 5.13+: a synchronous SIGTRAP, no ring and no fcntl, so reopen is "
                + "close + perf_event_open; keyed pages=0). Speedup = reopen / modify, 95% CI.");
        // A reason is usually shared by many cells (one harness left out as a whole): each is
        // written once, under the table, and a cell points to it.
        Map<String, Integer> reasons = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (String mode : NotificationTable.MODES) {
            for (int trapEvery : NotificationTable.TRAP_EVERY) {
                List<String> row = new ArrayList<>(List.of("`" + mode + "`", String.valueOf(trapEvery)));
                for (Harness harness : Harness.values()) {
                    NotificationTable.Cell cell = table.cell(harness, mode, trapEvery);
                    row.add(cell.comparison().map(NotificationSection::moves).orElse("—"));
                    row.add(cell.comparison().map(c -> Fmt.ratio(c.speedup())).orElseGet(() -> "not measured ["
                            + reasons.computeIfAbsent(cell.notMeasuredWhy(), why -> reasons.size() + 1) + "]"));
                }
                rows.add(row);
            }
        }
        if (!table.anyMeasured()) {
            reasons.keySet().forEach(why -> doc.paragraph("*Not measured:* " + why));
            return;
        }
        List<String> header = new ArrayList<>(List.of("notify", "trapEvery"));
        for (Harness harness : Harness.values()) {
            header.add(harness.label() + " reopen / modify (mean/op)");
            header.add(harness.label() + " speedup [95% CI]");
        }
        doc.table(header, rows);
        reasons.forEach((why, n) -> doc.paragraph("[" + n + "] " + why));
        List<NotificationTable.SigtrapEffect> effects = table.sigtrapEffects();
        if (effects.isEmpty()) {
            doc.paragraph("*Not compared:* no harness measured both `signal` and `sigtrap` at one trapEvery here; the "
                    + "table says why for each cell.");
        } else {
            effects.forEach(effect -> doc.paragraph(reading(effect)));
        }
        ChartImage.place(doc, charts, CHART);
    }

    private static String moves(StrategyComparison comparison) {
        return Fmt.time(comparison.reopenSummary().mean()) + " / " + Fmt.time(comparison.modifySummary().mean());
    }

    /** One sentence from one harness's signal and sigtrap figures at one trapEvery. */
    static String reading(NotificationTable.SigtrapEffect effect) {
        StrategyComparison signal = effect.signal();
        StrategyComparison sigtrap = effect.sigtrap();
        Estimate ratio = effect.signalOverSigtrap();
        String verdict = ratio.fewGroups() ? "too few rounds or forks to say whether sigtrap changes the speedup"
                : ratio.low() > 1 ? "sigtrap shrinks modify's advantage"
                : ratio.high() < 1 ? "sigtrap widens modify's advantage"
                : "no change of the speedup is shown (the interval holds 1)";
        return "**" + effect.harness().label() + ", " + (effect.trapEvery() == 0 ? "never trapping" : "always trapping")
                + ":** with sigtrap reopen costs " + Fmt.time(sigtrap.reopenSummary().mean()) + " per op against "
                + Fmt.time(signal.reopenSummary().mean()) + " with signal, modify " + Fmt.time(sigtrap.modifySummary().mean())
                + " against " + Fmt.time(signal.modifySummary().mean()) + ", so the speedup is "
                + Fmt.ratio(sigtrap.speedup()) + " instead of " + Fmt.ratio(signal.speedup()) + ": signal's speedup is "
                + Fmt.ratio(ratio) + " sigtrap's, " + verdict + ".";
    }
}
