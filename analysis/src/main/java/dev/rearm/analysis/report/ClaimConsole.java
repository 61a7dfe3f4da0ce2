package dev.rearm.analysis.report;

import dev.rearm.analysis.claims.ClaimRow;
import dev.rearm.analysis.claims.ToleranceRule;
import dev.rearm.analysis.claims.Verdict;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.stats.Estimate;
import java.util.List;
import java.util.Locale;

/** The claim check as plain text, for the console at the end of {@code mvn verify}. */
public final class ClaimConsole {
    /** Said on the console and in the report when a claim row rests on fewer than 3 forks or rounds. */
    public static final String TOO_FEW_TO_JUDGE = "Too few forks/rounds to judge: a figure from fewer than "
            + Estimate.FEW_GROUPS + " JMH forks or native rounds is shown without a verdict (the smoke profile runs 1 "
            + "fork and 3 rounds: it checks that everything runs, not the claims; a JMH figure needs a profile that "
            + "runs at least " + Estimate.FEW_GROUPS + " forks of its benchmark, a native one several harness "
            + "processes).";

    private ClaimConsole() {
    }

    public static String render(List<ClaimRow> rows) {
        StringBuilder out = new StringBuilder("Claim check (reopen / modify; reproduced = the whole 95% CI lies in [K/"
                + ToleranceRule.FACTOR + ", K*" + ToleranceRule.FACTOR + "] of the claimed ~Kx; not reproduced = "
                + "wholly outside it; inconclusive = the CI crosses its edge)\n");
        for (ClaimRow row : rows) {
            String measured = row.measured() == null ? "—" : Fmt.ratio(row.measured().speedup());
            out.append(String.format(Locale.ROOT, "  %-38s %-7s %-24s %s%n", row.claim().text(), row.harness().label(),
                    measured, row.verdict().label()));
            out.append("      ").append(row.why()).append('\n');
        }
        if (rows.stream().anyMatch(row -> row.verdict() == Verdict.TOO_FEW_GROUPS)) {
            out.append(TOO_FEW_TO_JUDGE).append('\n');
        }
        return out.toString();
    }
}
