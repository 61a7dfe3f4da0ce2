package dev.rearm.analysis.report;

import dev.rearm.analysis.claims.Claim;
import dev.rearm.analysis.claims.ClaimCheck;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.report.doc.Document;
import dev.rearm.analysis.stats.ProcessVariation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * For the claims' scenario, how much of each strategy's variation lies between processes (native
 * forks, JMH forks) and how much between the rounds (iterations) within one: the interval is built
 * on the processes, so this says how much a single process's rounds would have understated it.
 */
final class ProcessVariationSection {
    static final String TITLE = "Between processes, between rounds";
    static final String WHY = "Each interval is a t interval on the processes' means (log scale), the rounds nested "
            + "inside each process (JMH: forks and their iterations; native: `perfbp-bench` processes and their rounds). "
            + "The split below is the one-way random-effects estimate on log ns/op: the standard deviation between "
            + "processes and between rounds of one process, each roughly a relative spread.";
    static final String ONE_PROCESS = "one process: its rounds only (between processes not sampled; its interval is a "
            + "within-process one, " + Fmt.WITHIN_PROCESS_MARK + ")";

    private ProcessVariationSection() {
    }

    static void write(Document doc, Run run) {
        List<List<String>> rows = new ArrayList<>();
        for (Claim claim : Claim.values()) {
            for (Harness harness : Harness.values()) {
                for (String strategy : List.of("reopen", "modify")) {
                    headline(run, harness, claim, strategy).ifPresent(measurement -> rows.add(row(claim, measurement)));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        doc.heading(TITLE);
        doc.paragraph(WHY);
        doc.table(List.of("Scenario", "Harness", "Strategy", "Processes x rounds", "SD between processes",
                "SD between rounds", "Share between processes"), rows);
        List<String> claimSources = Arrays.asList(ClaimCheck.HEADLINE_SOURCES);
        long fewSweeps = run.measurements().stream()
                .filter(m -> !claimSources.contains(m.source()) && m.nsPerOp().processes() < 3).count();
        if (fewSweeps > 0) {
            // The default profile runs the sweeps with fewer forks than the claims' benchmark, to stay short.
            doc.paragraph(fewSweeps + " figures outside the claims' benchmark and matrix (the sweeps) come from fewer "
                    + "than 3 processes (a sweep may run fewer JMH forks than the claims' benchmark, "
                    + "`bench.jmh.sweepForks`, 1 in the default profile; a native.json of one process has one): "
                    + "they are shown with " + Fmt.FEW_GROUPS_MARK + " or " + Fmt.WITHIN_PROCESS_MARK
                    + " and get no verdict.");
        }
    }

    private static List<String> row(Claim claim, Measurement measurement) {
        var sample = measurement.nsPerOp();
        String shape = sample.processes() == 1 ? "1 x " + sample.valueCount()
                : sample.processes() + " x " + Arrays.stream(sampleSizes(measurement)).mapToObj(String::valueOf)
                        .distinct().reduce((a, b) -> a + "/" + b).orElse("");
        List<String> head = List.of("trapEvery=" + claim.scenario().trapEvery(), measurement.harness().label(),
                measurement.key().strategy(), shape);
        Optional<ProcessVariation> split = ProcessVariation.of(sample);
        List<String> row = new ArrayList<>(head);
        if (split.isEmpty()) {
            row.addAll(List.of(sample.processes() == 1 ? ONE_PROCESS : "—", "—", "—"));
        } else {
            row.addAll(List.of(percent(split.get().betweenProcesses()), percent(split.get().withinProcess()),
                    percent(split.get().betweenShare())));
        }
        return row;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static int[] sampleSizes(Measurement measurement) {
        int[] sizes = new int[measurement.nsPerOp().groupCount()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = measurement.nsPerOp().group(i).length;
        }
        return sizes;
    }

    /** The claim's scenario as the headline source measured it (HeadlineBenchmark, matrix headline), else any source. */
    private static Optional<Measurement> headline(Run run, Harness harness, Claim claim, String strategy) {
        List<String> preferred = Arrays.asList(ClaimCheck.HEADLINE_SOURCES);
        return run.measurements().stream()
                .filter(m -> m.harness() == harness && m.key().strategy().equals(strategy)
                        && m.key().scenario().equals(claim.scenario()))
                .min(Comparator.comparingInt(m -> preferred.contains(m.source()) ? 0 : 1));
    }
}
