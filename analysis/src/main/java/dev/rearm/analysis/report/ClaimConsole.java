package dev.rearm.analysis.report;

import dev.rearm.analysis.claims.ClaimRow;
import dev.rearm.analysis.claims.ToleranceRule;
import dev.rearm.analysis.format.Fmt;
import java.util.List;
import java.util.Locale;

/** The claim check as plain text, for the console at the end of {@code mvn verify}. */
public final class ClaimConsole {
    private ClaimConsole() {
    }

    public static String render(List<ClaimRow> rows) {
        StringBuilder out = new StringBuilder("Claim check (reopen / modify; reproduced = the speedup lies in [K/"
                + ToleranceRule.FACTOR + ", K*" + ToleranceRule.FACTOR + "] of the claimed ~Kx; inconclusive = "
                + "outside it, but the 95% CI reaches it)\n");
        for (ClaimRow row : rows) {
            String measured = row.measured() == null ? "—" : Fmt.ratio(row.measured().speedup());
            out.append(String.format(Locale.ROOT, "  %-38s %-7s %-24s %s%n", row.claim().text(), row.harness().label(),
                    measured, row.verdict().label()));
            out.append("      ").append(row.why()).append('\n');
        }
        return out.toString();
    }
}
