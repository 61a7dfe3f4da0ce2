package dev.rearm.analysis.claims;

import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.NotMeasured;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.model.CostModel;
import dev.rearm.analysis.model.CostModelFit;
import dev.rearm.analysis.model.FittedModel;
import dev.rearm.analysis.model.TrapAnatomy;
import dev.rearm.analysis.model.ReopenBreakdown;
import dev.rearm.analysis.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The claim-check table: for each claim and each harness, the measured speedup at the claim's
 * scenario (preferably from the headline benchmark), the verdict of {@link ToleranceRule}, and one
 * sentence of why from the cost model and the reopen breakdown.
 */
public final class ClaimCheck {
    /** The JMH class and native matrix that measure the headline scenario on purpose. */
    /**
     * Said of a figure whose rounds come from one process (every native figure today): what such
     * a run can and cannot be judged on.
     */
    public static final String ONE_PROCESS_WHY = "Its rounds come from one process, so its interval shows how the "
            + "figure moved within that process, not what another run gives (address layout, page placement and what "
            + "the host did that minute are never sampled): the figure is shown with its within-process interval and "
            + "gets no verdict until the harness runs several processes.";

    public static final String[] HEADLINE_SOURCES = {"HeadlineBenchmark", "headline"};

    /** What JNA adds, as docs/design.md gives it (the report states it, it does not measure it). */
    public static final String JNA_COST = "JNA's dispatch adds ~250 ns to every perf call, ~12% of a modify, "
            + "as measured on the reference VM (docs/design.md)";

    private ClaimCheck() {
    }

    public static List<ClaimRow> check(Run run, Comparisons comparisons, Map<Harness, FittedModel> models,
                                       Optional<ReopenBreakdown> breakdown, TrapAnatomy anatomy) {
        List<ClaimRow> rows = new ArrayList<>();
        for (Claim claim : Claim.values()) {
            for (Harness harness : Harness.values()) {
                Optional<StrategyComparison> measured = comparisons.find(harness, claim.scenario(), HEADLINE_SOURCES);
                if (measured.isEmpty()) {
                    rows.add(new ClaimRow(claim, harness, null, Verdict.NOT_MEASURED, notMeasuredWhy(run, claim, harness)));
                    continue;
                }
                Estimate speedup = measured.get().speedup();
                Verdict verdict = ToleranceRule.judge(speedup, claim.speedup());
                String why = claim == Claim.NEVER_TRAPPING
                        ? neverTrappingWhy(claim, measured.get(), verdict, harness, breakdown)
                        : alwaysTrappingWhy(claim, measured.get(), verdict,
                                partsFor(comparisons, measured.get(), models.get(harness)))
                                + anatomy.why().map(w -> " Why a trap costs this here (trap anatomy): " + w + ".")
                                        .orElse("");
                why += whichSource(comparisons, measured.get());
                if (harness == Harness.JMH && run.info().jmhUsedJna()) {
                    why += " JMH's perf calls went through JNA, not JNI (run.json: the JNI library was not used): "
                            + JNA_COST + ", so these JMH figures sit above a JNI run's.";
                }
                if (speedup.fewGroups()) {
                    why += " Only " + speedup.groups() + (harness == Harness.JMH ? " fork" : " round")
                            + (speedup.groups() == 1 ? "" : "s") + " measured this: at least " + Estimate.FEW_GROUPS
                            + " are needed to see run-to-run variation, so the figure gets no verdict (the smoke "
                            + "profile measures too little to judge; a JMH figure needs at least " + Estimate.FEW_GROUPS
                            + " forks).";
                } else if (speedup.fewProcesses()) {
                    why += " " + ONE_PROCESS_WHY;
                } else if (speedup.noSpread()) {
                    why += " Its " + speedup.groups() + " groups gave identical figures: no variation was measured, "
                            + "so the zero-width interval is no evidence and the figure gets no verdict.";
                } else if (ToleranceRule.tooWideToTell(speedup)) {
                    why += " The CI is wider than the tolerance band, so more rounds or forks would sharpen this.";
                }
                rows.add(new ClaimRow(claim, harness, measured.get(), verdict, why));
            }
        }
        return List.copyOf(rows);
    }

    /**
     * When several sources (JMH classes, native matrices) measured the claim's scenario, which one the
     * row uses and what the others measured, so two figures for one scenario never go unexplained.
     */
    static String whichSource(Comparisons comparisons, StrategyComparison used) {
        List<StrategyComparison> others = comparisons.allOf(used.harness(), used.scenario()).stream()
                .filter(c -> !c.source().equals(used.source())).toList();
        if (others.isEmpty()) {
            return "";
        }
        boolean madeForIt = List.of(HEADLINE_SOURCES).contains(used.source());
        StringBuilder sentence = new StringBuilder(" Figure from " + used.source()
                + (madeForIt ? ", the source made for the headline scenario" : ", the first source that measured it")
                + "; also measured by ");
        for (int i = 0; i < others.size(); i++) {
            StrategyComparison other = others.get(i);
            sentence.append(i == 0 ? "" : i == others.size() - 1 ? " and " : ", ").append(other.source()).append(" (")
                    .append(Fmt.ratio(other.speedup())).append(')');
        }
        return sentence.append('.').toString();
    }

    private static String neverTrappingWhy(Claim claim, StrategyComparison measured, Verdict verdict,
                                           Harness harness, Optional<ReopenBreakdown> breakdown) {
        StringBuilder why = new StringBuilder("A move costs " + Fmt.time(measured.reopenSummary().mean())
                + " by reopen against " + Fmt.time(measured.modifySummary().mean()) + " by modify");
        if (verdict == Verdict.NOT_REPRODUCED || verdict == Verdict.INCONCLUSIVE) {
            why.append(", ").append(side(measured.speedup(), claim)).append(" the band ")
                    .append(ToleranceRule.band(claim.speedup()));
        }
        if (verdict == Verdict.INCONCLUSIVE) {
            why.append(" though its CI crosses the band's edge");
        }
        if (breakdown.isPresent()) {
            Map.Entry<String, Double> largest = breakdown.get().largestPhase();
            why.append("; ").append(largest.getKey()).append(" is reopen's largest phase (")
                    .append(Fmt.time(largest.getValue())).append(" of ").append(Fmt.time(breakdown.get().totalNs()))
                    .append(harness == Harness.NATIVE ? ")" : " in the native phase pass)");
        }
        return why.append('.').toString();
    }

    /**
     * The cost-model parts that explain an always-trapping figure: from the never-trapping figure of
     * the same source when there is one (so every number in the sentence comes from one benchmark),
     * else from the harness's fitted model.
     */
    private static CostModel partsFor(Comparisons comparisons, StrategyComparison always, FittedModel fitted) {
        Optional<StrategyComparison> never = comparisons.find(always.harness(), Claim.NEVER_TRAPPING.scenario(),
                always.source());
        if (never.isPresent() && never.get().source().equals(always.source())) {
            return CostModelFit.fromPair(never.get(), always);
        }
        return fitted == null ? null : fitted.model();
    }

    private static String alwaysTrappingWhy(Claim claim, StrategyComparison measured, Verdict verdict,
                                            CostModel model) {
        if (model == null) {
            return "Measured " + Fmt.ratio(measured.speedup().point()) + "; without a trapEvery=0 figure "
                    + "the cost cannot be split into move and trap costs.";
        }
        StringBuilder why = new StringBuilder("A trap adds " + Fmt.time(model.reopenTrapNs()) + " after reopen and "
                + Fmt.time(model.modifyTrapNs()) + " after modify, which turns the " + Fmt.ratio(model.moveRatio())
                + " move-cost ratio into " + Fmt.ratio(measured.speedup().point()));
        if (verdict == Verdict.NOT_REPRODUCED || verdict == Verdict.INCONCLUSIVE) {
            why.append(" (").append(side(measured.speedup(), claim)).append(" the band ")
                    .append(ToleranceRule.band(claim.speedup()))
                    .append(verdict == Verdict.INCONCLUSIVE ? ", though its CI crosses the band's edge)" : ")");
        }
        OptionalDouble needed = model.commonTrapCostFor(claim.speedup());
        if (needed.isPresent()) {
            why.append("; a trap cost of ").append(Fmt.time(needed.getAsDouble())).append(" after either strategy would give ")
                    .append(claimed(claim));
        } else {
            why.append("; no trap cost can give ").append(claimed(claim))
                    .append(", since the move costs alone differ by less");
        }
        return why.append('.').toString();
    }

    private static String claimed(Claim claim) {
        return "~" + Fmt.significant(claim.speedup()).replaceAll("\\.0+$", "") + "x";
    }

    private static String side(Estimate speedup, Claim claim) {
        if (speedup.point() < ToleranceRule.lower(claim.speedup())) {
            return "below";
        }
        return speedup.point() > ToleranceRule.upper(claim.speedup()) ? "above" : "inside";
    }

    private static String notMeasuredWhy(Run run, Claim claim, Harness harness) {
        if (!run.has(harness)) {
            return harness.fileName() + " is not in the run folder.";
        }
        for (String strategy : List.of(ScenarioKey.REOPEN, ScenarioKey.MODIFY)) {
            String label = new ScenarioKey(strategy, claim.scenario()).label();
            for (NotMeasured entry : run.notMeasured()) {
                if (entry.harness().equals(harness.label()) && entry.what().equals(label)) {
                    return strategy + " was not measured: " + entry.why() + ".";
                }
            }
        }
        return harness.fileName() + " has no reopen/modify pair at the headline scenario with trapEvery="
                + claim.scenario().trapEvery() + ".";
    }
}
