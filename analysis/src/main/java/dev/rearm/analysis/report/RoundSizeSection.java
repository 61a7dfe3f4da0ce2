package dev.rearm.analysis.report;

import dev.rearm.analysis.baseline.Change;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.NativeRounds;
import dev.rearm.analysis.report.doc.Document;
import dev.rearm.analysis.roundsize.RoundSizeCheck;
import dev.rearm.analysis.roundsize.RoundSizeVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How the native harness sized its rounds (the run's settings line, each scenario's ops per round)
 * and the round-size check: whether a per-op figure moves with the round size.
 */
public final class RoundSizeSection {
    public static final String TITLE = "Does the round size move the per-op figure?";
    static final String WHY = "Time-sized rounds give each strategy a different op count (in the same time a modify "
            + "does many more ops than a reopen), so the headline ratio is only fair if a per-op figure does not move "
            + "with the round size. `perfbp-bench round-size` measures the same scenarios at fixed round sizes, "
            + "interleaved; each row is per-op at the smallest size over per-op at the largest.";

    /** The within-run rule of {@link RoundSizeVerdict}, as the report states it. */
    static final String VERDICT_RULE = "Verdicts by a within-run rule (the sizes run interleaved in one run, so the "
            + "host's run-to-run variation is the wrong yardstick): *differs* when the 95% CI excludes 1; *same* when "
            + "the whole CI lies within " + Change.margin(RoundSizeVerdict.WITHIN_RUN_MARGIN_PERCENT) + ", below the 3% "
            + "the headline CI may span; otherwise *cannot tell*.";

    private RoundSizeSection() {
    }

    static void write(Document doc, RoundSizeCheck check) {
        doc.heading(TITLE);
        doc.paragraph(WHY);
        if (check.notRunWhy() != null) {
            doc.paragraph("*Not measured:* " + check.notRunWhy() + ".");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (RoundSizeCheck.Row row : check.rows()) {
            rows.add(List.of(row.key().scenario().shortLabel(), row.key().strategy(),
                    row.smallOps() + " / " + row.largeOps(), Fmt.time(row.smallNs()), Fmt.time(row.largeNs()),
                    Fmt.ratio(row.smallOverLarge()), "**" + row.verdictLabel() + "**"));
        }
        doc.table(List.of("Scenario", "Strategy", "ops/round (small / large)", "per op, small", "per op, large",
                "small / large [95% CI]", "Verdict"), rows);
        doc.paragraph(VERDICT_RULE);
    }

    /** "Native rounds: rounds sized by time: ~100 ms each (floor 200 ops).", or null when native.json does not say. */
    static String settingsLine(NativeRounds rounds) {
        String described = rounds.describe();
        return described == null ? null : "Native rounds: " + described + ".";
    }

    /** The native scenario's ops per round ("2000", or "5000 / 50000" for reopen / modify); "—" elsewhere. */
    static String opsPerRound(NativeRounds rounds, StrategyComparison comparison) {
        if (comparison.harness() != Harness.NATIVE) {
            return "—";
        }
        OptionalLong reopen = rounds.opsPerRound(comparison.reopen());
        OptionalLong modify = rounds.opsPerRound(comparison.modify());
        if (reopen.isEmpty() && modify.isEmpty()) {
            return "—";
        }
        if (reopen.equals(modify)) {
            return String.valueOf(reopen.getAsLong());
        }
        return text(reopen) + " / " + text(modify);
    }

    private static String text(OptionalLong ops) {
        return ops.isPresent() ? String.valueOf(ops.getAsLong()) : "?";
    }
}
