package dev.rearm.analysis.roundsize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.claims.Claim;
import dev.rearm.analysis.claims.ClaimRow;
import dev.rearm.analysis.claims.Verdict;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.NotMeasured;
import dev.rearm.analysis.load.RoundSizeData;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.GroupedSample;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The round-size check's verdicts on hand-made figures: no harness runs. */
class RoundSizeCheckTest {
    private static final double MARGIN = 5;
    private static final ScenarioKey MODIFY = new ScenarioKey(ScenarioKey.MODIFY, Scenario.HEADLINE);

    @Test
    void equalFiguresAtBothSizesAreTheSameWithinTheMargin() {
        RoundSizeCheck check = check(rounds(2000, 2010, 1990, 2005, 1995, 2000), rounds(2000, 1995, 2005, 2010, 1990, 2000));

        assertThat(check.rows()).singleElement().satisfies(row -> {
            assertThat(row.verdict()).isEqualTo(RoundSizeVerdict.SAME);
            assertThat(row.verdictLabel(MARGIN)).isEqualTo("same within ±5%");
            assertThat(row.smallOps()).isEqualTo(2000);
            assertThat(row.largeOps()).isEqualTo(10000);
        });
        assertThat(check.differing()).isEmpty();
    }

    @Test
    void aFivePercentDifferenceWithTightRoundsDiffers() {
        RoundSizeCheck check = check(rounds(2100, 2102, 2098, 2101, 2099, 2100), rounds(2000, 2001, 1999, 2000, 2002, 1998));

        assertThat(check.rows()).singleElement().satisfies(row -> {
            assertThat(row.verdict()).isEqualTo(RoundSizeVerdict.DIFFERS);
            assertThat(row.smallOverLarge().point()).isCloseTo(1.05, within(1e-9));
            assertThat(row.verdictLabel(MARGIN)).startsWith("differs: 1.05x [1.0");
        });
    }

    @Test
    void twoRoundsAreTooFewToJudge() {
        RoundSizeCheck check = check(rounds(2100, 2300), rounds(2000, 2001));

        assertThat(check.rows()).singleElement().extracting(RoundSizeCheck.Row::verdict)
                .isEqualTo(RoundSizeVerdict.TOO_FEW_ROUNDS);
        assertThat(check.rows().get(0).verdictLabel(MARGIN)).isEqualTo("too few rounds to judge");
    }

    @Test
    void roundsTooNoisyToShowEitherCannotTell() {
        RoundSizeCheck check = check(rounds(1800, 2300, 1900, 2200), rounds(2000, 2100, 1900, 2050));

        assertThat(check.rows().get(0).verdict()).isEqualTo(RoundSizeVerdict.CANNOT_TELL);
        assertThat(check.rows().get(0).verdictLabel(MARGIN)).isEqualTo("cannot tell: CI wider than ±5%");
    }

    @Test
    void withoutTheFileItSaysNotRunAndWhyWhenThePipelineRecordedIt() {
        NotMeasured leftOut = new NotMeasured("run", "native round-size", "no trap is counted here");

        assertThat(RoundSizeCheck.of(RoundSizeData.absent(), List.of(leftOut), MARGIN).notRunWhy())
                .isEqualTo("not run: no trap is counted here");
        assertThat(RoundSizeCheck.of(RoundSizeData.absent(), List.of(), MARGIN).notRunWhy()).isEqualTo("not run");
        assertThat(RoundSizeCheck.of(RoundSizeData.absent(), List.of(), MARGIN).consoleLine())
                .isEqualTo("Round size vs per-op figure: not run");
    }

    @Test
    void aDifferenceBeyondTheMarginIsACaveatInTheNativeClaimRowsOnly() {
        RoundSizeCheck differs = check(rounds(2100, 2102, 2098, 2101, 2099, 2100), rounds(2000, 2001, 1999, 2000, 2002, 1998));
        ClaimRow nativeRow = new ClaimRow(Claim.NEVER_TRAPPING, Harness.NATIVE, comparison(Harness.NATIVE),
                Verdict.REPRODUCED, "A move costs 19 µs by reopen.");
        ClaimRow jmhRow = new ClaimRow(Claim.NEVER_TRAPPING, Harness.JMH, comparison(Harness.JMH), Verdict.REPRODUCED,
                "JMH's why.");
        ClaimRow notMeasured = new ClaimRow(Claim.ALWAYS_TRAPPING, Harness.NATIVE, null, Verdict.NOT_MEASURED, "absent.");

        List<ClaimRow> rows = differs.withCaveat(List.of(nativeRow, jmhRow, notMeasured));

        assertThat(rows.get(0).why()).startsWith("A move costs 19 µs by reopen. Caveat: per-op figures moved with the "
                + "round size here (modify headline: 1.05x [").contains("at 2000 over 10000 ops");
        assertThat(rows.get(1)).isEqualTo(jmhRow);
        assertThat(rows.get(2)).isEqualTo(notMeasured);
        RoundSizeCheck same = check(rounds(2000, 2010, 1990), rounds(2000, 1995, 2005));
        assertThat(same.withCaveat(List.of(nativeRow))).containsExactly(nativeRow);
    }

    private static RoundSizeCheck check(GroupedSample small, GroupedSample large) {
        RoundSizeData data = new RoundSizeData(true, List.of(2000L, 10000L), List.of(new RoundSizeData.SizedScenario(MODIFY,
                List.of(new RoundSizeData.AtSize(10000, large), new RoundSizeData.AtSize(2000, small)), 6)));
        return RoundSizeCheck.of(data, List.of(), MARGIN);
    }

    private static GroupedSample rounds(double... nsPerOp) {
        return GroupedSample.ofSingles(nsPerOp);
    }

    /** Only its presence matters to the caveat: a comparison with nothing in it. */
    private static StrategyComparison comparison(Harness harness) {
        return new StrategyComparison(harness, harness.label(), Scenario.HEADLINE, null, null, null, null, null, null);
    }
}
