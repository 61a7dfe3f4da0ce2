package dev.rearm.analysis.report;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.baseline.BaselineComparison;
import dev.rearm.analysis.baseline.BaselineRow;
import dev.rearm.analysis.baseline.Change;
import dev.rearm.analysis.baseline.RunDifferences;
import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.chart.ReportCharts;
import dev.rearm.analysis.chart.SkippedChart;
import dev.rearm.analysis.claims.ClaimCheck;
import dev.rearm.analysis.claims.ClaimRow;
import dev.rearm.analysis.claims.ToleranceRule;
import dev.rearm.analysis.claims.Verdict;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.compare.Sweep;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.Environment;
import dev.rearm.analysis.load.FloorMeasurement;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.LatencyMeasurement;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.NotMeasured;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.load.RunInfo;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.model.CostModel;
import dev.rearm.analysis.model.CostModelFit;
import dev.rearm.analysis.model.FittedModel;
import dev.rearm.analysis.model.ModelPoint;
import dev.rearm.analysis.model.ReopenBreakdown;
import dev.rearm.analysis.report.doc.Document;
import dev.rearm.analysis.stats.DifferenceTest;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.SampleSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Lays the analysis out as a report: the answer first (claim check), then the machine and the run,
 * then the explanation (cost model, reopen breakdown, sweeps, profiler overhead, latency, harness agreement), every
 * comparison, what could not run, and how the figures were computed.
 */
public final class ReportComposer {
    public static final String TITLE = "rearm: reopen vs PERF_EVENT_IOC_MODIFY_ATTRIBUTES";
    public static final String CLAIM_CHECK = "Claim check";

    private ReportComposer() {
    }

    public static Document compose(Analysis analysis, ChartSet charts, Instant generatedAt) {
        Run run = analysis.run();
        Document doc = new Document(TITLE);
        Environment env = run.environment();
        // Not the folder path: the pipeline analyses a staging folder that is renamed afterwards.
        String profile = run.info().profile() == null ? "A" : "A `" + run.info().profile() + "`";
        doc.paragraph(profile + " run · " + Fmt.orUnknown(env.cpu()) + " · kernel "
                + Fmt.orUnknown(env.kernel()) + " · generated " + generatedAt + " by `analysis.jar`.");
        for (String warning : run.warnings()) {
            doc.paragraph("**Warning:** " + warning + ".");
        }
        claimCheck(doc, analysis, charts);
        ProcessVariationSection.write(doc, run);
        environment(doc, run);
        runInfo(doc, run.info());
        Optional.ofNullable(RoundSizeSection.settingsLine(run.nativeRounds())).ifPresent(doc::paragraph);
        costModel(doc, analysis, charts);
        AnatomySection.write(doc, analysis.anatomy(),
                Optional.ofNullable(analysis.models().get(Harness.NATIVE)).map(FittedModel::model), charts);
        breakdown(doc, analysis, charts);
        sweep(doc, analysis, charts, Sweep.PAGES, "Ring-buffer pages", "ring-pages", "pages", s -> String.valueOf(s.pages()));
        sweep(doc, analysis, charts, Sweep.THREADS, "Threads", "threads", "threads", s -> String.valueOf(s.threads()));
        sweep(doc, analysis, charts, Sweep.SLOTS, "Watchpoints armed at once", "slots", "slots",
                s -> String.valueOf(s.slots()));
        sweep(doc, analysis, charts, Sweep.SHAPE, "Watchpoint shapes", "shape-matrix", "bpType/bpLen",
                s -> s.bpType() + "/" + s.bpLen());
        sweep(doc, analysis, charts, Sweep.NOTIFY, "Signal notification", null, "notify, trapEvery",
                s -> s.notifyMode() + ", " + s.trapEvery());
        NotificationSection.write(doc, analysis.notifications(), charts);
        ProfilerSection.write(doc, analysis.profiler(), analysis.profilerPrediction(), analysis.anatomy(), charts);
        latency(doc, run, charts);
        harnessAgreement(doc, analysis, charts);
        RoundSizeSection.write(doc, analysis.roundSize());
        analysis.baseline().ifPresent(baseline -> baseline(doc, run, baseline));
        everyComparison(doc, analysis);
        notRun(doc, analysis, charts);
        method(doc, analysis);
        return doc;
    }

    private static void claimCheck(Document doc, Analysis analysis, ChartSet charts) {
        doc.heading(CLAIM_CHECK);
        doc.paragraph("The commit (32ff77e8cc) says a reopen costs ~10x a modify when the watchpoint never traps "
                + "and ~4x when it always traps, at the original tests' scenario (`" + Scenario.HEADLINE.label()
                + "`).");
        List<List<String>> rows = new ArrayList<>();
        for (ClaimRow row : analysis.claims()) {
            rows.add(List.of(row.claim().text(), row.harness().label(),
                    row.measured() == null ? "—" : Fmt.ratio(row.measured().speedup()),
                    "**" + row.verdict().label() + "**", row.why()));
        }
        doc.table(List.of("Claim", "Harness", "Measured speedup [95% CI]", "Verdict", "Why"), rows);
        if (analysis.claims().stream().anyMatch(row -> row.verdict() == Verdict.TOO_FEW_GROUPS)) {
            doc.paragraph("**" + ClaimConsole.TOO_FEW_TO_JUDGE + "**");
        }
        if (analysis.claims().stream().anyMatch(row -> row.verdict() == Verdict.ONE_PROCESS)) {
            doc.paragraph("**What a single-process run can be judged on.** " + ClaimCheck.ONE_PROCESS_WHY
                    + " It still shows the figure and how steady it was within the process; it cannot show that "
                    + "the claim holds or fails.");
        }
        doc.paragraph("Tolerance rule: " + ToleranceRule.describe());
        ChartImage.place(doc, charts, "headline");
    }

    private static void environment(Document doc, Run run) {
        Environment env = run.environment();
        doc.heading("Environment");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Kernel", Fmt.orUnknown(env.kernel())));
        rows.add(List.of("CPU", Fmt.orUnknown(env.cpu()) + (env.arch() == null ? "" : " (" + env.arch() + ")")));
        rows.add(List.of("Hypervisor", env.hypervisor() == null ? "unknown" : env.hypervisor() ? "yes" : "no"));
        rows.add(List.of("CPUs (nproc)", Fmt.orUnknown(env.nproc())));
        rows.add(List.of("Page size", env.pageSize() == null ? "unknown" : env.pageSize() + " bytes"));
        rows.add(List.of("JVM (probe)", Fmt.orUnknown(env.jvm())));
        rows.add(List.of("JVM (JMH forks)", Fmt.orUnknown(run.jmhJvm())));
        rows.add(List.of("JMH", Fmt.orUnknown(run.jmhVersion())));
        rows.add(List.of("JNA", Fmt.orUnknown(env.jna())));
        rows.add(List.of("perf_event_paranoid", Fmt.orUnknown(env.paranoid())));
        rows.add(List.of("Debug registers", env.debugRegisters() == null ? "unknown"
                : env.debugRegisters() + " watchpoints at once"));
        for (Environment.Capability capability : env.capabilities()) {
            rows.add(List.of(capabilityName(capability.name()),
                    (capability.supported() ? "yes" : "**no**") + " — " + capability.reason()));
        }
        rows.add(List.of("perf_event_mlock_kb", Fmt.orUnknown(env.mlockKb())));
        rows.add(List.of("User", Fmt.orUnknown(env.user())));
        rows.add(List.of("Probed at", Fmt.orUnknown(env.probedAt())));
        rows.add(List.of("Facts from", env.source()));
        doc.table(List.of("What", "Value"), rows);
    }

    private static String capabilityName(String key) {
        return switch (key) {
            case "breakpointPmu" -> "Breakpoint PMU";
            case "debugRegisters" -> "Debug registers (probe)";
            case "watchpointTraps" -> "A store under a watchpoint traps";
            case "modifyAttributes" -> "PERF_EVENT_IOC_MODIFY_ATTRIBUTES";
            case "signalDelivery" -> "A signal per trap";
            default -> key;
        };
    }

    private static void runInfo(Document doc, RunInfo info) {
        doc.heading("How this run was made");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Command", info.command() == null ? "unknown" : "`" + info.command() + "`"));
        rows.add(List.of("Profile", Fmt.orUnknown(info.profile())));
        rows.add(List.of("Started", Fmt.orUnknown(info.startedAt())));
        rows.add(List.of("Measurements finished", Fmt.orUnknown(info.finishedAt())));
        rows.add(List.of("Git commit", Fmt.orUnknown(info.gitCommit())));
        rows.add(List.of("Binding of JMH's perf calls", info.binding() == null ? "unknown (not in run.json)"
                : info.jmhUsedJna() ? "**jna** (" + ClaimCheck.JNA_COST + ")" : info.binding()));
        if (info.host() != null) {
            rows.add(List.of("Host", info.host()));
        }
        rows.add(List.of("Source", info.source()));
        doc.table(List.of("What", "Value"), rows);
        doc.bullets(info.notes());
    }

    private static void costModel(Document doc, Analysis analysis, ChartSet charts) {
        doc.heading("Cost model: why the ratio depends on traps");
        doc.paragraph("With f = 1/trapEvery traps per move, speedup(f) = (C_reopen + f·T_reopen) / (C_modify + f·T_modify). "
                + "The move costs C are the mean ns/op at trapEvery=0; the trap costs T are trapEvery=1 minus "
                + "trapEvery=0, per strategy (a trap right after a fresh open may cost more than one after a modify). "
                + "The model is fitted on those two points only; the other trap rates test it.");
        if (analysis.models().isEmpty()) {
            doc.paragraph("*Not measured:* no harness has both trapEvery=0 and trapEvery=1 at the headline scenario "
                    + "from one source, so the model cannot be fitted.");
            return;
        }
        List<Harness> harnesses = List.of(Harness.values()).stream().filter(analysis.models()::containsKey).toList();
        List<String> header = new ArrayList<>(List.of("Part"));
        harnesses.forEach(h -> header.add(analysis.models().get(h).source().equals(h.label()) ? h.label()
                : h.label() + " (" + analysis.models().get(h).source() + ")"));
        Map<String, Function<FittedModel, String>> parts = new LinkedHashMap<>();
        parts.put("C_reopen: one move by reopen", m -> Fmt.time(m.model().reopenMoveNs()));
        parts.put("C_modify: one move by modify", m -> Fmt.time(m.model().modifyMoveNs()));
        parts.put("T_reopen: a trap after reopen", m -> Fmt.time(m.model().reopenTrapNs()));
        parts.put("T_modify: a trap after modify", m -> Fmt.time(m.model().modifyTrapNs()));
        parts.put("C_reopen / C_modify", m -> Fmt.ratio(m.model().moveRatio()));
        parts.put("Trap cost (after either) that gives ~4x", m -> fourTimesTrapCost(m.model()));
        parts.put("Largest prediction error off the fitted points", ReportComposer::predictionError);
        List<List<String>> rows = new ArrayList<>();
        parts.forEach((name, value) -> {
            List<String> row = new ArrayList<>(List.of(name));
            harnesses.forEach(h -> row.add(value.apply(analysis.models().get(h))));
            rows.add(row);
        });
        doc.table(header, rows);

        List<List<String>> points = new ArrayList<>();
        for (Harness harness : harnesses) {
            for (ModelPoint point : analysis.models().get(harness).points()) {
                points.add(List.of(harness.label(), String.valueOf(point.trapEvery()), Fmt.significant(point.trapRate()),
                        Fmt.ratio(point.measured()), Fmt.ratio(point.predicted()),
                        point.fitted() ? "fitted here" : Fmt.percent(point.relativeError()),
                        point.fitted() ? "—" : point.predictionInsideInterval() ? "yes" : "no"));
            }
        }
        doc.table(List.of("Harness", "trapEvery", "f", "Measured [95% CI]", "Model", "Error",
                "Model agrees (95% CI of measured / model holds 1)"), points);
        for (Harness harness : harnesses) {
            FittedModel fitted = analysis.models().get(harness);
            CostModel model = fitted.model();
            OptionalDouble needed = model.commonTrapCostFor(4);
            doc.paragraph("**" + harness.label() + ":** " + (needed.isPresent()
                    ? "the commit's ~4x would need a trap to cost " + Fmt.time(needed.getAsDouble())
                    + " after either strategy on this host; measured: " + Fmt.time(model.reopenTrapNs())
                    + " after reopen, " + Fmt.time(model.modifyTrapNs()) + " after modify."
                    : "no trap cost can give ~4x here: the move costs alone differ by only "
                    + Fmt.ratio(model.moveRatio()) + ".")
                    + " " + predictionSentence(fitted) + " " + modelSourceSentence(analysis, fitted));
        }
        ChartImage.place(doc, charts, "trap-rate");
    }

    /** Which source the model's parts come from, and whether the claim check's figures do too. */
    private static String modelSourceSentence(Analysis analysis, FittedModel fitted) {
        List<String> claimSources = analysis.claims().stream()
                .filter(row -> row.harness() == fitted.harness() && row.measured() != null)
                .map(row -> row.measured().source()).distinct().toList();
        String sentence = "The parts come from " + fitted.source() + (CostModelFit.PREFERRED_SOURCES.get(0)
                .equals(fitted.source()) || CostModelFit.PREFERRED_SOURCES.get(1).equals(fitted.source())
                ? " (the trap-rate sweep: every trap rate measured in one source)" : "") + ".";
        List<String> different = claimSources.stream().filter(source -> !source.equals(fitted.source())).toList();
        if (!different.isEmpty()) {
            sentence += " The claim check's figures come from " + String.join(" and ", different)
                    + ", which measured the same scenarios in runs of their own: its trap costs may differ from "
                    + "these by run-to-run variation.";
        }
        return sentence;
    }

    private static String fourTimesTrapCost(CostModel model) {
        OptionalDouble needed = model.commonTrapCostFor(4);
        return needed.isPresent() ? Fmt.time(needed.getAsDouble()) : "none (C ratio below 4x)";
    }

    private static String predictionError(FittedModel fitted) {
        OptionalDouble error = fitted.maxPredictionError();
        return error.isPresent() ? Fmt.percent(error.getAsDouble()).replace("+", "") + " (" + fitted.checkedPoints()
                + " points)" : "not measured (no trap rate besides 0 and 1)";
    }

    private static String predictionSentence(FittedModel fitted) {
        OptionalDouble error = fitted.maxPredictionError();
        if (error.isEmpty()) {
            return "No trap rate other than 0 and 1 was measured, so the prediction is untested.";
        }
        long inside = fitted.points().stream().filter(p -> !p.fitted() && p.predictionInsideInterval()).count();
        return "On the " + fitted.checkedPoints() + " trap rates it was not fitted on, the model is off by at most "
                + Fmt.percent(error.getAsDouble()).replace("+", "") + " (" + inside + " of " + fitted.checkedPoints()
                + " predictions agree with the measurement: the 95% CI of measured / predicted, which carries the fit's "
                + "own uncertainty as well as the point's, holds 1).";
    }

    private static void breakdown(Document doc, Analysis analysis, ChartSet charts) {
        doc.heading("Where a reopen's time goes");
        List<ReopenBreakdown> breakdowns = analysis.breakdowns();
        if (breakdowns.isEmpty()) {
            doc.paragraph("*Not measured:* native.json has no `phasesNs` for reopen.");
            return;
        }
        List<String> phases = new ArrayList<>();
        breakdowns.forEach(b -> b.phasesNs().keySet().stream().filter(p -> !phases.contains(p)).forEach(phases::add));
        List<String> header = new ArrayList<>(List.of("Scenario"));
        phases.forEach(p -> header.add(p + " (µs)"));
        header.add("Sum of phases (µs)");
        header.add("Timed reopen loop (µs)");
        List<List<String>> rows = new ArrayList<>();
        for (ReopenBreakdown breakdown : breakdowns) {
            List<String> row = new ArrayList<>(List.of(breakdown.scenario().shortLabel()));
            phases.forEach(p -> row.add(breakdown.phasesNs().containsKey(p) ? Fmt.micros(breakdown.phasesNs().get(p)) : "—"));
            row.add(Fmt.micros(breakdown.totalNs()));
            row.add(analysis.comparisons().find(Harness.NATIVE, breakdown.scenario())
                    .map(c -> Fmt.micros(c.reopenSummary().mean())).orElse("—"));
            rows.add(row);
        }
        doc.paragraph("The native harness times each phase in a separate pass, so the breakdown never inflates the "
                + "headline figures; the last column is the reopen figure of the timed loop for comparison.");
        doc.table(header, rows);
        ChartImage.place(doc, charts, "reopen-phases");
    }

    private static void sweep(Document doc, Analysis analysis, ChartSet charts, Sweep sweep, String title,
                              String chartName, String keyName, Function<Scenario, String> keyValue) {
        List<StrategyComparison> rows = new ArrayList<>();
        for (Harness harness : Harness.values()) {
            rows.addAll(analysis.comparisons().sweep(harness, sweep));
        }
        if (rows.stream().map(StrategyComparison::scenario).distinct().count() < 2) {
            return;
        }
        doc.heading(title);
        List<List<String>> table = new ArrayList<>();
        for (StrategyComparison row : rows) {
            table.add(List.of(row.harness().label(), keyValue.apply(row.scenario()), Fmt.time(row.reopenSummary().mean()),
                    Fmt.time(row.modifySummary().mean()), Fmt.ratio(row.speedup())));
        }
        doc.table(List.of("Harness", keyName, "reopen (mean/op)", "modify (mean/op)", "Speedup [95% CI]"), table);
        if (chartName != null) {
            ChartImage.place(doc, charts, chartName);
        }
    }

    private static void latency(Document doc, Run run, ChartSet charts) {
        if (run.latencies().isEmpty()) {
            return;
        }
        doc.heading("Single-op latency");
        List<String> header = new ArrayList<>(List.of("Strategy", "Scenario", "Samples"));
        for (double p : ReportCharts.LATENCY_PERCENTILES) {
            header.add(ReportCharts.percentileName(p) + " (µs)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (LatencyMeasurement latency : run.latencies()) {
            List<String> row = new ArrayList<>(List.of(latency.key().strategy(), latency.key().scenario().shortLabel(),
                    String.valueOf(latency.histogram().sampleCount())));
            for (double p : ReportCharts.LATENCY_PERCENTILES) {
                row.add(Fmt.micros(latency.histogram().percentile(p)));
            }
            rows.add(row);
        }
        doc.table(header, rows);
        ChartImage.place(doc, charts, "latency");
    }

    private static void harnessAgreement(Document doc, Analysis analysis, ChartSet charts) {
        List<List<String>> costs = new ArrayList<>();
        List<List<String>> speedups = new ArrayList<>();
        for (StrategyComparison nativeSide : analysis.comparisons().of(Harness.NATIVE)) {
            Optional<StrategyComparison> jmh = analysis.comparisons().find(Harness.JMH, nativeSide.scenario(),
                    ClaimCheck.HEADLINE_SOURCES);
            if (jmh.isEmpty()) {
                continue;
            }
            String scenario = nativeSide.scenario().shortLabel();
            costs.add(costRow(scenario, ScenarioKey.REOPEN, nativeSide.reopenSummary(), jmh.get().reopenSummary()));
            costs.add(costRow(scenario, ScenarioKey.MODIFY, nativeSide.modifySummary(), jmh.get().modifySummary()));
            speedups.add(List.of(scenario, Fmt.ratio(nativeSide.speedup()), Fmt.ratio(jmh.get().speedup()),
                    Fmt.percent(jmh.get().speedup().point() / nativeSide.speedup().point() - 1)));
        }
        List<FloorMeasurement> floors = analysis.run().floors();
        if (costs.isEmpty() && floors.isEmpty()) {
            return;
        }
        doc.heading("JMH vs native");
        if (!costs.isEmpty()) {
            doc.paragraph("The same scenarios through the JVM and its binding to libc (JMH) and with nothing in between (the C harness).");
            doc.table(List.of("Scenario", "Strategy", "native (mean/op)", "JMH (mean/op)", "JMH − native", "JMH / native"),
                    costs);
            doc.table(List.of("Scenario", "native speedup", "JMH speedup", "JMH vs native"), speedups);
        }
        for (FloorMeasurement floor : floors) {
            SampleSummary summary = SampleSummary.of(floor.nsPerOp());
            doc.paragraph("Binding floor (`" + floor.benchmark() + "`, the cheapest call through that binding): "
                    + Fmt.time(summary.mean()) + " per call (median " + Fmt.time(summary.median())
                    + "), what the JVM and that binding add to every op at least.");
        }
        ChartImage.place(doc, charts, "harness-agreement");
    }

    private static List<String> costRow(String scenario, String strategy, SampleSummary nativeSide, SampleSummary jmh) {
        return List.of(scenario, strategy, Fmt.time(nativeSide.mean()), Fmt.time(jmh.mean()),
                Fmt.time(jmh.mean() - nativeSide.mean()), Fmt.ratio(jmh.mean() / nativeSide.mean()));
    }

    private static void baseline(Document doc, Run run, BaselineComparison baseline) {
        Run other = baseline.baselineRun();
        doc.heading("Against the baseline run");
        doc.paragraph("Baseline: `" + other.dir() + "` · " + Fmt.orUnknown(other.environment().cpu()) + " · kernel "
                + Fmt.orUnknown(other.environment().kernel()) + ". Ratio of ratios = this run's speedup / the "
                + "baseline's, with a 95% CI over all four samples; " + baseline.matched() + " of "
                + baseline.rows().size() + " comparisons have a baseline figure.");
        List<String> differences = RunDifferences.between(run, other);
        doc.paragraph(differences.isEmpty()
                ? "**The two runs' environments agree** in every fact both record (env.json, native.json's env, "
                        + "jmh.json's JMH and JVM, run.json's profile and binding, native round sizing)."
                : "**The two runs differ in " + differences.size() + " recorded fact"
                        + (differences.size() == 1 ? "" : "s") + "** (any of them can move a figure by itself): "
                        + String.join("; ", differences) + ".");
        String profile = run.info().profile();
        String otherProfile = other.info().profile();
        if (profile == null || otherProfile == null) {
            doc.paragraph("**Profiles:** this run's is " + Fmt.orUnknown(profile) + ", the baseline's "
                    + Fmt.orUnknown(otherProfile) + " (run.json): if they differ, so do the round sizes and fork "
                    + "counts, and the figures may differ for that reason alone.");
        } else if (!profile.equals(otherProfile)) {
            doc.paragraph("**The runs used different profiles** (this run `" + profile + "`, the baseline `"
                    + otherProfile + "`): the round sizes, iterations and fork counts differ, which can move a "
                    + "per-op figure by itself; compare runs of one profile to see a change of kernel or code.");
        }
        double margin = baseline.marginPercent();
        doc.paragraph(baseline.count(Change.CHANGED) + " changed (whole CI beyond " + Change.margin(margin) + "), "
                + baseline.count(Change.NOT_CONFIRMED) + " beyond the margin in their own CI but not after Holm's "
                + "correction, " + baseline.count(Change.BELOW_MARGIN) + " a difference below the margin, "
                + baseline.count(Change.WITHIN_VARIATION) + " " + Change.WITHIN_VARIATION.label(margin) + ", "
                + baseline.count(Change.NOT_SHOWN) + " with a CI too wide to tell; no verdict for "
                + baseline.count(Change.ONE_PROCESS) + " resting on rounds of one process, "
                + baseline.count(Change.TOO_FEW_GROUPS) + " on fewer than " + Estimate.FEW_GROUPS
                + " forks or rounds and " + baseline.count(Change.NO_SPREAD) + " with no spread. A row is *changed* "
                + "only when its whole 95% CI lies beyond the equivalence margin (`--equivalence-margin`, "
                + Change.margin(margin) + " here, from A/A runs: analysis/README.md) and it survives Holm's "
                + "correction over the " + baseline.tested() + " rows tested (family-wise false-alarm rate "
                + Fmt.significant(BaselineComparison.FAMILY_ALPHA * 100) + "%). A CI that excludes 1 but reaches "
                + "inside the margin is a difference below the margin, never a change. Neither *changed* nor "
                + "*within variation* rests on fewer than " + Estimate.FEW_GROUPS + " groups on either side, or on "
                + "rounds of one process: such an interval never sampled what another run gives.");
        List<List<String>> rows = new ArrayList<>();
        for (BaselineRow row : baseline.rows()) {
            StrategyComparison now = row.current();
            rows.add(List.of(now.harness().label(), now.source(), now.scenario().shortLabel(), Fmt.ratio(now.speedup()),
                    row.baseline() == null ? "not measured" : Fmt.ratio(row.baseline().speedup()),
                    row.ratioOfRatios() == null ? "—" : Fmt.ratio(row.ratioOfRatios()),
                    row.change().label(baseline.marginPercent())));
        }
        doc.table(List.of("Harness", "Source", "Scenario", "This run [95% CI]", "Baseline [95% CI]",
                "Ratio of ratios [95% CI]", "Change"), rows);
    }

    private static void everyComparison(Document doc, Analysis analysis) {
        doc.heading("Every comparison");
        doc.paragraph("Means and medians of ns/op over all rounds (native) or forks × iterations (JMH); the tests ask "
                + "whether the strategies differ at all, on independent units (rounds or fork means).");
        List<List<String>> rows = new ArrayList<>();
        List<StrategyComparison> all = new ArrayList<>(analysis.comparisons().all());
        all.sort(Comparator.comparing((StrategyComparison c) -> c.harness()).thenComparing(StrategyComparison::source)
                .thenComparing(c -> c.scenario().equals(Scenario.HEADLINE) ? "" : c.scenario().shortLabel()));
        for (StrategyComparison c : all) {
            DifferenceTest test = c.test();
            rows.add(List.of(c.harness().label(), c.source(), c.scenario().shortLabel(),
                    Fmt.time(c.reopenSummary().mean()) + " (" + Fmt.time(c.reopenSummary().median()) + ")",
                    Fmt.time(c.modifySummary().mean()) + " (" + Fmt.time(c.modifySummary().median()) + ")",
                    Fmt.ratio(c.speedup()),
                    test == null ? "—" : Fmt.pValue(test.welchP()),
                    test == null ? "—" : (test.mannWhitneyExact() ? "" : "≈ ") + Fmt.pValue(test.mannWhitneyP()),
                    test == null ? c.reopenSummary().values() + " / " + c.modifySummary().values()
                            : test.countA() + " / " + test.countB() + " " + test.unit(),
                    RoundSizeSection.opsPerRound(analysis.run().nativeRounds(), c)));
        }
        if (rows.isEmpty()) {
            doc.paragraph("*Not measured:* the run holds no reopen/modify pair.");
        } else {
            doc.table(List.of("Harness", "Source", "Scenario", "reopen mean (median)", "modify mean (median)",
                    "Speedup [95% CI]", "Welch p", "Mann-Whitney p", "n (reopen / modify)", "ops/round (native)"), rows);
        }
        List<List<String>> others = new ArrayList<>();
        for (Measurement m : analysis.run().measurements()) {
            if (!ScenarioKey.REOPEN.equals(m.key().strategy()) && !ScenarioKey.MODIFY.equals(m.key().strategy())) {
                SampleSummary summary = SampleSummary.of(m.nsPerOp());
                others.add(List.of(m.harness().label(), m.source(), m.key().strategy(), m.key().scenario().shortLabel(),
                        Fmt.time(summary.mean()) + " (" + Fmt.time(summary.median()) + ")"));
            }
        }
        if (!others.isEmpty()) {
            doc.subheading("Other strategies");
            doc.table(List.of("Harness", "Source", "Strategy", "Scenario", "mean (median)"), others);
        }
    }

    private static void notRun(Document doc, Analysis analysis, ChartSet charts) {
        doc.heading("What could not run, and why");
        List<String> items = new ArrayList<>();
        for (ClaimRow row : analysis.claims()) {
            if (row.verdict() == Verdict.NOT_MEASURED) {
                items.add("Claim " + row.claim().text() + " (" + row.harness().label() + "): " + row.why());
            }
        }
        for (NotMeasured entry : analysis.run().notMeasured()) {
            items.add("**" + entry.harness() + "** `" + entry.what() + "`: " + entry.why());
        }
        for (SkippedChart chart : charts.skipped()) {
            items.add("Chart *" + chart.title() + "*: not drawn, " + chart.why() + ".");
        }
        Environment env = analysis.run().environment();
        for (Environment.Capability capability : env.capabilities()) {
            if (!capability.supported()) {
                items.add("Probe: " + capabilityName(capability.name()) + " not available: " + capability.reason());
            }
        }
        Map<String, List<String>> refusedShapes = new LinkedHashMap<>();
        for (Environment.ShapeSupport shape : env.shapes()) {
            if (!shape.supported()) {
                refusedShapes.computeIfAbsent(shape.reason(), r -> new ArrayList<>())
                        .add(shape.bpType() + "/" + shape.bpLen());
            }
        }
        refusedShapes.forEach((reason, shapes) -> items.add("Watchpoint shapes the CPU refused (" + reason + "): "
                + String.join(", ", shapes) + "."));
        if (items.isEmpty()) {
            items.add("Nothing: every claim, chart and scenario the run set out to measure was measured.");
        }
        doc.bullets(items);
    }

    private static void method(Document doc, Analysis analysis) {
        doc.heading("How the figures were computed");
        doc.bullets(List.of(
                "Every figure is ns per op (JMH scores converted from their unit). A speedup is the mean ns/op of "
                        + "reopen over that of modify in the same scenario, harness and source.",
                "95% CIs of speedups and ratios of ratios: a Welch t interval on the log of the ratio, with the "
                        + "rounds (native) or fork means (JMH) as the independent units (delta method, "
                        + "Welch-Satterthwaite degrees of freedom), so its coverage holds at 3 forks, where a "
                        + "bootstrap's percentiles cannot be estimated. " + Fmt.FEW_GROUPS_MARK + " marks an interval "
                        + "resting on fewer than " + Estimate.FEW_GROUPS + " rounds or forks, " + Fmt.WITHIN_PROCESS_MARK
                        + " one whose rounds come from one process (every native figure so far): a within-process "
                        + "interval, which never sampled what another run gives. Neither gets a verdict.",
                "The profiler's overhead ratios, reopen's extra time and the cost model's measured / predicted: "
                        + "the same Welch t interval by the delta method (on the log for ratios). The claim check's "
                        + "verdicts need the whole CI inside or outside the band; a baseline's \"changed\" needs the "
                        + "whole CI beyond the margin and Holm's correction across the rows.",
                "JMH's own scoreError is not used: it pools iterations across forks and ignores the variance "
                        + "between forks.",
                "Welch's t-test and the Mann-Whitney U test (two-sided) on independent units: native rounds or "
                        + "JMH fork means (iterations only when a side has a single fork). Mann-Whitney's p is exact "
                        + "for untied samples of up to 60 values (≈ marks the normal approximation); at 3 fork means "
                        + "against 3 its smallest possible p is 0.1.",
                "Medians and latency percentiles use the R_7 definition (as R and NumPy do by default).",
                "JMH classes without a `@Param` for a scenario key take its headline value: `"
                        + Scenario.HEADLINE.label() + "`; threads falls back to JMH's own thread count.",
                ProfilerSection.methodBullet(),
                "Claim verdicts: " + ToleranceRule.describe()));
    }
}
