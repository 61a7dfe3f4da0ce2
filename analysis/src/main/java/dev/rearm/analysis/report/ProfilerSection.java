package dev.rearm.analysis.report;

import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.ProfilerCounts;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.profiler.OverheadRatio;
import dev.rearm.analysis.profiler.ProfilerOverhead;
import dev.rearm.analysis.profiler.ProfilerPrediction;
import dev.rearm.analysis.profiler.ReopenExtra;
import dev.rearm.analysis.profiler.Slowdown;
import dev.rearm.analysis.report.doc.Document;
import dev.rearm.analysis.stats.Estimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report's "Profiler overhead" section: what a watchpoint tool costs a workload with reopen
 * and with modify, how the two overheads compare, and where reopen's extra time went.
 */
final class ProfilerSection {
    static final String HEADING = "Profiler overhead";
    static final String CHART = "profiler-overhead";

    private ProfilerSection() {
    }

    static void write(Document doc, ProfilerOverhead profiler, List<ProfilerPrediction.Row> prediction,
                      ChartSet charts) {
        doc.heading(HEADING);
        if (profiler == null || !profiler.measured()) {
            doc.paragraph("*Not measured:* native.json has no profiler runs with a no-tool baseline "
                    + "(`perfbp-bench --matrix profiler`, in the default and full profiles).");
            return;
        }
        ProfilerData data = profiler.data();
        doc.paragraph("How much slower is a program under a watchpoint-based tool (Witch's DeadCraft, Feather, "
                + "HPCToolkit) with and without the ioctl? The native harness ran each workload with no tool, with "
                + "the tool's sampler alone, and under the tool arming RW watchpoints on the words it just touched "
                + "(" + (data.slots() == null ? "every" : data.slots()) + " debug registers; a free one first, else "
                + "a reservoir draw) by `reopen` (perf_event_open + fcntl + mmap; a trap tears it down) or by "
                + "`modify` (MODIFY_ATTRIBUTES; a trap disables it), at each sampling rate. Every run of a workload "
                + "makes the same accesses (" + (data.workMs() == null ? "a fixed number" : "about " + data.workMs()
                + " ms of them without the tool") + "); rounds interleave the runs.");
        doc.paragraph(pmuSentence(data));
        doc.paragraph("Slowdown = mean CPU time per round under the tool / with no tool (wall time beside it: on a "
                + "shared machine the wall clock also counts other processes' turns). The tool's every cost — "
                + "its handlers, signal delivery, the traps, the sampler's timer interrupts — lands on the "
                + "workload's thread.");
        slowdowns(doc, profiler);
        ratios(doc, profiler);
        extras(doc, profiler);
        prediction(doc, prediction);
        ChartImage.place(doc, charts, CHART);
    }

    /** Measured overhead beside the one the run's other parts predict, with the error and the largest term. */
    private static void prediction(Document doc, List<ProfilerPrediction.Row> rows) {
        doc.subheading("Predicted from the parts");
        if (rows.isEmpty()) {
            doc.paragraph("*Not computed:* it needs, in the same run, the sampler-only and no-tool runs of each "
                    + "workload, reopen's phases (the native phase pass) and the native cost model.");
            return;
        }
        doc.paragraph("Each tool run's CPU overhead per round (tool less no tool) beside the sum of its parts, measured "
                + "elsewhere in this run: samples x the sampler's cost per sample (sampler-only less no tool), arms x "
                + "one arm (reopen: the phase pass's open + fcntl + mmap; modify: one modify ioctl), traps x one trap "
                + "(the cost model's, per strategy) and disarms x one disarm (reopen: munmap + close; modify: its "
                + "IOC_DISABLE taken as one modify ioctl), with the counts the run recorded.");
        List<List<String>> table = new ArrayList<>();
        long within = 0;
        double worst = 0;
        for (ProfilerPrediction.Row row : rows) {
            double error = row.relativeError();
            within += Math.abs(error) <= 0.15 ? 1 : 0;
            worst = Math.abs(error) > Math.abs(worst) ? error : worst;
            table.add(List.of(row.entry().workload(), row.entry().label(), Fmt.time(row.measuredNs()),
                    Fmt.time(row.predictedNs()), Fmt.percent(error), row.dominant()));
        }
        doc.table(List.of("Workload", "Tool", "Measured overhead / round", "Predicted", "Error", "Largest part"), table);
        doc.paragraph(String.format("%d of %d runs are predicted within ±15%%; the largest error is %+.1f%%. A "
                + "prediction below the measurement is what the parts leave out: the handlers' own work beyond the "
                + "system calls, a trap signal's delivery beyond the cost model's trap, and the workload's cache "
                + "state after the tool ran.", within, rows.size(), 100 * worst));
    }

    private static String pmuSentence(ProfilerData data) {
        if (Boolean.FALSE.equals(data.hardwarePmu())) {
            return "**This machine has no hardware PMU** (" + Fmt.orUnknown(data.hardwarePmuReason()) + "), so the "
                    + "sampler is a task-clock software event (samples per second of the thread's CPU time, kernel "
                    + "excluded), and the workload publishes the address of an access it just made for the sampler "
                    + "to watch. On bare metal a memory-sampling PMU event (Intel PEBS, AMD IBS) plays this role and "
                    + "hands the tool each sample's data address.";
        }
        if (Boolean.TRUE.equals(data.hardwarePmu())) {
            return "This machine has a hardware PMU (" + Fmt.orUnknown(data.hardwarePmuReason()) + "); the sampler "
                    + "still is a task-clock software event so runs compare across machines. Real tools use a "
                    + "memory-sampling PMU event (Intel PEBS, AMD IBS) that hands them each sample's data address.";
        }
        return "The run does not say whether the machine had a hardware PMU. The sampler is a task-clock software "
                + "event; on bare metal a memory-sampling PMU event (Intel PEBS, AMD IBS) plays this role.";
    }

    private static void slowdowns(Document doc, ProfilerOverhead profiler) {
        List<List<String>> rows = new ArrayList<>();
        for (Slowdown s : profiler.slowdowns()) {
            ProfilerCounts c = s.entry().counts();
            rows.add(List.of(s.entry().workload(), String.valueOf(s.entry().rate()), s.entry().strategy(),
                    count(c.perRound(c.samples())), count(c.perRound(c.armed())),
                    count(c.perRound(c.traps())), Fmt.ratio(s.cpu()), Fmt.ratio(s.wall())));
        }
        doc.table(List.of("Workload", "Rate (/s CPU)", "Strategy", "Samples / round", "Armed / round", "Traps / round",
                "Slowdown, CPU [95% CI]", "Slowdown, wall [95% CI]"), rows);
    }

    private static void ratios(Document doc, ProfilerOverhead profiler) {
        if (profiler.ratios().isEmpty()) {
            doc.paragraph("*Not measured:* no workload has both reopen and modify at one rate.");
            return;
        }
        doc.subheading("reopen's overhead against modify's");
        List<List<String>> rows = new ArrayList<>();
        for (OverheadRatio r : profiler.ratios()) {
            rows.add(List.of(r.workload(), String.valueOf(r.rate()),
                    resolved(r.overall(), r.overallResolved(), "modify's overhead is within noise"),
                    r.watchpoints() == null ? "not measured (no sampler-only run)"
                            : resolved(r.watchpoints(), r.watchpointsResolved(),
                            "modify adds nothing resolvable to the sampler")));
        }
        doc.table(List.of("Workload", "Rate (/s CPU)", "(reopen − 1) / (modify − 1) [95% CI]",
                "Watchpoints only: (reopen − sampler) / (modify − sampler) [95% CI]"), rows);
        doc.paragraph("The first ratio compares the whole tool's overheads; the second leaves out what sampling "
                + "alone costs (the sampler-only run), which both strategies pay alike, so it isolates what the "
                + "ioctl changes: arming, evicting and disarming watchpoints and what follows from it.");
    }

    private static String resolved(Estimate estimate, boolean resolved, String why) {
        return resolved ? Fmt.ratio(estimate) : "not resolved: " + why;
    }

    private static void extras(Document doc, ProfilerOverhead profiler) {
        if (profiler.reopenExtras().isEmpty()) {
            return;
        }
        doc.subheading("Where reopen's extra time goes");
        List<List<String>> rows = new ArrayList<>();
        for (ReopenExtra e : profiler.reopenExtras()) {
            double inside = e.reopenHandlerNs() - e.modifyHandlerNs();
            Estimate extra = e.extraCpu();
            rows.add(List.of(e.workload(), String.valueOf(e.rate()),
                    count(e.reopenArms()) + " / " + count(e.modifyArms()),
                    Fmt.time(extra.point()) + " [" + Fmt.time(extra.low()) + ", " + Fmt.time(extra.high()) + "]",
                    Fmt.time(inside), !extra.fewGroups() && extra.low() > 0
                            ? Fmt.significant(100 * inside / extra.point()) + "%"
                            : "n/a (no extra time resolved)",
                    calls(e.reopenPhasesNs(), e.reopenCalls()), calls(e.modifyPhasesNs(), e.modifyCalls())));
        }
        doc.table(List.of("Workload", "Rate (/s CPU)", "Arms / round (reopen / modify)",
                "reopen − modify, CPU / round [95% CI]", "inside the handlers (reopen − modify)", "share",
                "reopen's handler calls / round (mean each)", "modify's handler calls / round (mean each)"), rows);
        doc.paragraph("Handler time is wall time inside the tool's two signal handlers (a CLOCK_MONOTONIC read at "
                + "entry and exit, paid by both strategies), split by system call; on a busy machine it also holds "
                + "other processes' turns, so a share above 100% means noise, not magic. What is not inside a "
                + "handler is signal delivery, the debug exception of each trap, the sampler's timer interrupts, "
                + "the first touch of a fresh ring and the workload's lost cache state — and the tool takes more "
                + "samples (and arms more) when its own work stretches the CPU time the sampler counts, which the "
                + "arms column shows.");
    }

    /** "open 1.2 ms (10.1 µs), close 0.8 ms (8.0 µs)": time per round by call, largest first, with each call's mean. */
    private static String calls(Map<String, Double> perRound, Map<String, Double> meanEach) {
        if (perRound.isEmpty()) {
            return "—";
        }
        return perRound.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(p -> p.getKey() + " " + Fmt.time(p.getValue()) + " (" + Fmt.time(meanEach.getOrDefault(p.getKey(),
                        Double.NaN)) + ")").collect(Collectors.joining(", "));
    }

    /** A per-round count: "0", "21.2", "928". */
    private static String count(double value) {
        return value == 0 ? "0" : Fmt.significant(value);
    }

    /** For the method section. */
    static String methodBullet() {
        return "Profiler overhead: slowdown = mean CPU (or wall) time per round of a tool run over that of the "
                + "no-tool run of the same workload, 95% t interval on the log ratio over rounds (as for speedups); "
                + "the overhead ratio (reopen − 1) / (modify − 1) and the watchpoint ratio (reopen − sampler) / "
                + "(modify − sampler) and reopen's extra CPU time get the same Welch t interval over rounds by the delta "
                + "method. A ratio whose denominator's CI reaches 0, or that rests on fewer than "
                + Estimate.FEW_GROUPS + " rounds, is reported as not resolved.";
    }
}
