package dev.rearm.analysis.roundsize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rearm.analysis.claims.Claim;
import dev.rearm.analysis.claims.ClaimRow;
import dev.rearm.analysis.claims.Verdict;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.NativeRounds;
import dev.rearm.analysis.load.NotMeasured;
import dev.rearm.analysis.load.RoundSizeData;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.GroupedSample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The round-size check's verdicts on hand-made figures: no harness runs. */
class RoundSizeCheckTest {
    private static final ScenarioKey MODIFY = new ScenarioKey(ScenarioKey.MODIFY, Scenario.HEADLINE);
    private static final ScenarioKey REOPEN = new ScenarioKey(ScenarioKey.REOPEN, Scenario.HEADLINE);

    @Test
    void equalFiguresAtBothSizesAreTheSameWithinTheMargin() {
        RoundSizeCheck check = check(rounds(2000, 2010, 1990, 2005, 1995, 2000), rounds(2000, 1995, 2005, 2010, 1990, 2000));

        assertThat(check.rows()).singleElement().satisfies(row -> {
            assertThat(row.verdict()).isEqualTo(RoundSizeVerdict.SAME);
            assertThat(row.verdictLabel()).isEqualTo("same within ±2%");
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
            assertThat(row.verdictLabel()).startsWith("differs: 1.05x [1.0").endsWith("] " + Fmt.WITHIN_PROCESS_MARK + " (CI excludes 1)");
        });
    }

    @Test
    void twoRoundsAreTooFewToJudge() {
        RoundSizeCheck check = check(rounds(2100, 2300), rounds(2000, 2001));

        assertThat(check.rows()).singleElement().extracting(RoundSizeCheck.Row::verdict)
                .isEqualTo(RoundSizeVerdict.TOO_FEW_ROUNDS);
        assertThat(check.rows().get(0).verdictLabel()).isEqualTo("too few rounds to judge");
    }

    @Test
    void roundsTooNoisyToShowEitherCannotTell() {
        RoundSizeCheck check = check(rounds(1800, 2300, 1900, 2200), rounds(2000, 2100, 1900, 2050));

        assertThat(check.rows().get(0).verdict()).isEqualTo(RoundSizeVerdict.CANNOT_TELL);
        assertThat(check.rows().get(0).verdictLabel()).isEqualTo("cannot tell: CI holds 1 but reaches beyond ±2%");
    }

    @Test
    void withoutTheFileItSaysNotRunAndWhyWhenThePipelineRecordedIt() {
        NotMeasured leftOut = new NotMeasured("run", "native round-size", "no trap is counted here");

        assertThat(RoundSizeCheck.of(RoundSizeData.absent(), List.of(leftOut)).notRunWhy())
                .isEqualTo("not run: no trap is counted here");
        assertThat(RoundSizeCheck.of(RoundSizeData.absent(), List.of()).notRunWhy()).isEqualTo("not run");
        assertThat(RoundSizeCheck.of(RoundSizeData.absent(), List.of()).consoleLine())
                .isEqualTo("Round size vs per-op figure: not run");
    }

    @Test
    void anEntryWithKeysNamingRoundSizeGivesItsReasonWhateverItsWording() {
        NotMeasured leftOut = new NotMeasured("run", "the size-sweep check", "no trap is counted here",
                Optional.of(new NotMeasured.Keys("native", List.of("round-size"), Map.of())));
        NotMeasured other = new NotMeasured("run", "native round-size sweep's neighbour", "unrelated",
                Optional.of(new NotMeasured.Keys("native", List.of("profiler"), Map.of())));

        assertThat(RoundSizeCheck.of(RoundSizeData.absent(), List.of(other, leftOut)).notRunWhy())
                .isEqualTo("not run: no trap is counted here");
    }

    @Test
    void aTightFourPercentEffectDiffersThoughItLiesWithinTheRunToRunMargin() {
        RoundSizeCheck check = check(rounds(2080, 2081, 2079, 2080, 2082, 2078), rounds(2000, 2001, 1999, 2000, 2002, 1998));

        assertThat(check.rows()).singleElement().satisfies(row -> {
            assertThat(row.smallOverLarge().low()).as("the CI lies within ±5%").isGreaterThan(1.03);
            assertThat(row.smallOverLarge().high()).isLessThan(1.05);
            assertThat(row.verdict()).isEqualTo(RoundSizeVerdict.DIFFERS);
        });
    }

    @Test
    void aCiThatHoldsOneButReachesBeyondTwoPercentCannotTell() {
        RoundSizeCheck check = check(rounds(2000, 2060, 1950, 2030, 1980, 2040), rounds(2000, 1990, 2010, 2000, 2005, 1995));

        assertThat(check.rows()).singleElement().satisfies(row -> {
            assertThat(row.smallOverLarge().contains(1.0)).isTrue();
            assertThat(row.smallOverLarge().high()).as("within the old ±5%, beyond ±2%").isBetween(1.02, 1.05);
            assertThat(row.verdict()).isEqualTo(RoundSizeVerdict.CANNOT_TELL);
        });
    }

    @Test
    void aDifferenceIsACaveatInTheNativeClaimRowsOfTimeSizedRoundsOnly() {
        RoundSizeCheck differs = check(rounds(2100, 2102, 2098, 2101, 2099, 2100), rounds(2000, 2001, 1999, 2000, 2002, 1998));
        ClaimRow nativeRow = new ClaimRow(Claim.NEVER_TRAPPING, Harness.NATIVE, comparison(Harness.NATIVE),
                Verdict.REPRODUCED, "A move costs 19 µs by reopen.");
        ClaimRow jmhRow = new ClaimRow(Claim.NEVER_TRAPPING, Harness.JMH, comparison(Harness.JMH), Verdict.REPRODUCED,
                "JMH's why.");
        ClaimRow notMeasured = new ClaimRow(Claim.ALWAYS_TRAPPING, Harness.NATIVE, null, Verdict.NOT_MEASURED, "absent.");
        NativeRounds timeSized = new NativeRounds(NativeRounds.Sizing.TIME, 100.0, null, null, Map.of());

        List<ClaimRow> rows = differs.withCaveat(List.of(nativeRow, jmhRow, notMeasured), timeSized);

        assertThat(rows.get(0).why()).isEqualTo("A move costs 19 µs by reopen. Caveat: per-op figures moved with the "
                + "round size here (modify headline: " + Fmt.ratio(differs.rows().get(0).smallOverLarge()) + " at 2000 "
                + "over 10000 ops; the 95% CI excludes 1, the sizes interleaved within one run): this row's rounds were "
                + "sized by time, each strategy with its own op count, so its ratio may owe part of itself to them, not "
                + "to the strategies.").doesNotContain("run-to-run");
        assertThat(rows.get(1)).isEqualTo(jmhRow);
        assertThat(rows.get(2)).isEqualTo(notMeasured);
        RoundSizeCheck same = check(rounds(2000, 2010, 1990), rounds(2000, 1995, 2005));
        assertThat(same.withCaveat(List.of(nativeRow), timeSized)).containsExactly(nativeRow);
    }

    @Test
    void aFixedSizeRunWhoseStrategiesRanTheSameOpsGetsNoCaveatButUnequalOpsDo() {
        RoundSizeCheck differs = check(rounds(2100, 2102, 2098, 2101, 2099, 2100), rounds(2000, 2001, 1999, 2000, 2002, 1998));
        ClaimRow nativeRow = new ClaimRow(Claim.NEVER_TRAPPING, Harness.NATIVE, pair(), Verdict.REPRODUCED, "Why.");
        NativeRounds sameOps = new NativeRounds(NativeRounds.Sizing.FIXED, null, null, 2000L, Map.of());
        NativeRounds unequalOps = new NativeRounds(NativeRounds.Sizing.FIXED, null, null, 2000L,
                Map.of("headline " + REOPEN.label(), 500L));

        assertThat(differs.withCaveat(List.of(nativeRow), sameOps)).containsExactly(nativeRow);
        assertThat(differs.withCaveat(List.of(nativeRow), unequalOps).get(0).why())
                .contains("this row's reopen ran 500 ops per round and its modify 2000, so its ratio may owe");
    }

    @Test
    void aClaimRowWhoseScenarioTheCheckNeverMeasuredGetsNoCaveat() {
        // The check measured trapEvery=0 modify; the ~4x row is trapEvery=1: it says nothing about it.
        RoundSizeCheck differs = check(rounds(2100, 2102, 2098, 2101, 2099, 2100), rounds(2000, 2001, 1999, 2000, 2002, 1998));
        StrategyComparison alwaysTrapping = new StrategyComparison(Harness.NATIVE, "headline",
                Claim.ALWAYS_TRAPPING.scenario(), null, null, null, null, null, null);
        ClaimRow trapping = new ClaimRow(Claim.ALWAYS_TRAPPING, Harness.NATIVE, alwaysTrapping, Verdict.ONE_PROCESS,
                "Why.");
        NativeRounds timeSized = new NativeRounds(NativeRounds.Sizing.TIME, 100.0, null, null, Map.of());

        assertThat(Claim.ALWAYS_TRAPPING.scenario()).isNotEqualTo(MODIFY.scenario());
        assertThat(differs.withCaveat(List.of(trapping), timeSized)).containsExactly(trapping);
    }

    @Test
    void aDifferenceBelowOnePercentGetsNoCaveatThoughItsCiExcludesOne() {
        // 0.5% apart, tightly measured: DIFFERS by the within-run rule, too small to move a claim's ratio.
        RoundSizeCheck tiny = check(rounds(2010, 2010.2, 2009.8, 2010.1, 2009.9, 2010),
                rounds(2000, 2000.1, 1999.9, 2000, 2000.2, 1999.8));
        assertThat(tiny.rows().get(0).verdict()).isEqualTo(RoundSizeVerdict.DIFFERS);
        ClaimRow nativeRow = new ClaimRow(Claim.NEVER_TRAPPING, Harness.NATIVE, comparison(Harness.NATIVE),
                Verdict.ONE_PROCESS, "Why.");
        NativeRounds timeSized = new NativeRounds(NativeRounds.Sizing.TIME, 100.0, null, null, Map.of());

        assertThat(tiny.withCaveat(List.of(nativeRow), timeSized)).containsExactly(nativeRow);
    }

    private static RoundSizeCheck check(GroupedSample small, GroupedSample large) {
        RoundSizeData data = new RoundSizeData(true, List.of(2000L, 10000L), List.of(new RoundSizeData.SizedScenario(MODIFY,
                List.of(new RoundSizeData.AtSize(10000, large), new RoundSizeData.AtSize(2000, small)), 6)));
        return RoundSizeCheck.of(data, List.of());
    }

    private static GroupedSample rounds(double... nsPerOp) {
        return GroupedSample.ofSingles(nsPerOp);
    }

    /** A headline pair of matrix "headline": the caveat reads each strategy's ops per round. */
    private static StrategyComparison pair() {
        Measurement reopen = new Measurement(Harness.NATIVE, "headline", REOPEN, rounds(19000, 19100), null, Map.of());
        Measurement modify = new Measurement(Harness.NATIVE, "headline", MODIFY, rounds(2000, 2010), null, Map.of());
        return new StrategyComparison(Harness.NATIVE, "headline", Scenario.HEADLINE, reopen, modify, null, null, null,
                null);
    }

    /** Only its presence matters to the caveat: a comparison with nothing in it. */
    private static StrategyComparison comparison(Harness harness) {
        return new StrategyComparison(harness, harness.label(), Scenario.HEADLINE, null, null, null, null, null, null);
    }
}
