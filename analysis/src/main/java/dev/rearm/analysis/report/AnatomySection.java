package dev.rearm.analysis.report;

import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.claims.Claim;
import dev.rearm.analysis.model.CostModel;
import dev.rearm.analysis.model.TrapAnatomy;
import dev.rearm.analysis.report.doc.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report's "What a trap costs here, and why" and "What ~4x needs": the trap built up from
 * the parts trap-anatomy measured, the reference exceptions beside it, and the always-trapping
 * speedup as a function of the trap's cost with this host's trap and a what-if marked.
 */
final class AnatomySection {
    static final String HEADING = "What a trap costs here, and why";
    static final String NEEDS_HEADING = "What ~4x needs";
    static final String CHART = "trap-anatomy";
    static final String NEEDS_CHART = "four-x-needs";

    private AnatomySection() {
    }

    static void write(Document doc, TrapAnatomy anatomy, Optional<CostModel> model, ChartSet charts) {
        doc.heading(HEADING);
        if (anatomy.isEmpty()) {
            doc.paragraph("*Not measured:* native.json has no trap-anatomy block (`perfbp-bench trap-anatomy`, in "
                    + "every profile).");
            needs(doc, anatomy, model, charts);
            return;
        }
        doc.paragraph("Each figure is what one trap adds to a loop: the loop that traps less the same loop that "
                + "does not (the watchpoint armed a cache line away, or the exception left out), per round, with a "
                + "95% t interval over rounds. The watchpoint parts add one piece at a time; the references take "
                + "perf out.");
        List<List<String>> rows = new ArrayList<>();
        for (TrapAnatomy.PartCost part : anatomy.parts()) {
            rows.add(List.of("`" + part.name() + "`", part.kind(),
                    part.measured() ? TrapAnatomy.us(part.nsPerTrap()) : "not run: " + part.notRunReason()));
        }
        doc.table(List.of("Part", "Kind", "Per trap [95% CI]"), rows);
        if (!anatomy.pieces().isEmpty()) {
            List<List<String>> pieces = new ArrayList<>();
            for (TrapAnatomy.Piece piece : anatomy.pieces()) {
                pieces.add(List.of(piece.meaning(), "`" + piece.minuend() + "` − `" + piece.subtrahend() + "`",
                        TrapAnatomy.us(piece.ns())));
            }
            doc.table(List.of("Piece", "Computed as", "Cost [95% CI, Welch]"), pieces);
        }
        anatomy.why().ifPresent(why -> doc.paragraph("In one sentence: " + why + "."));
        ChartImage.place(doc, charts, CHART);
        needs(doc, anatomy, model, charts);
    }

    private static void needs(Document doc, TrapAnatomy anatomy, Optional<CostModel> model, ChartSet charts) {
        doc.heading(NEEDS_HEADING);
        if (model.isEmpty()) {
            doc.paragraph("*Not computed:* the native cost model needs the headline's reopen and modify figures at "
                    + "trapEvery 0 and 1.");
            return;
        }
        CostModel m = model.get();
        OptionalDouble needed = m.commonTrapCostFor(Claim.ALWAYS_TRAPPING.speedup());
        StringBuilder text = new StringBuilder(String.format(
                "With a move costing %.1f µs by reopen and %.1f µs by modify here, an always-trapping run's speedup is "
                        + "(C_reopen + T) / (C_modify + T) for a trap of T µs.",
                m.reopenMoveNs() / 1e3, m.modifyMoveNs() / 1e3));
        if (needed.isPresent()) {
            text.append(String.format(" ~4x needs T ≈ %.1f µs.", needed.getAsDouble() / 1e3));
        } else {
            text.append(" No trap cost gives ~4x: the moves alone are already below it.");
        }
        double trap = anatomy.hostTrapNs(m);
        Optional<TrapAnatomy.PartCost> measured = anatomy.part("ring-signal");
        text.append(measured.isPresent()
                ? String.format(" This host's trap (trap-anatomy's `ring-signal`, the headline's configuration) costs "
                        + "%s, giving %.2fx.", TrapAnatomy.us(measured.get().nsPerTrap()), m.speedupWithCommonTrap(trap))
                : String.format(" This host's trap, from the cost model (trapEvery=1 less trapEvery=0, the mean of "
                        + "both strategies), costs %.1f µs, giving %.2fx.", trap / 1e3, m.speedupWithCommonTrap(trap)));
        anatomy.trapWithoutDebugInterceptNs().ifPresent(ns -> text.append(String.format(
                " What-if, computed from measured parts and not a measurement: without what this host adds to a "
                        + "debug exception beyond a breakpoint exception, the trap would cost %.1f µs and the "
                        + "speedup be %.2fx.", ns / 1e3, m.speedupWithCommonTrap(ns))));
        doc.paragraph(text.toString());
        ChartImage.place(doc, charts, NEEDS_CHART);
    }
}
