package dev.rearm.analysis.cli;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.Analyzer;
import dev.rearm.analysis.baseline.BaselineComparison;
import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.chart.ReportCharts;
import dev.rearm.analysis.load.BadInputException;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.report.ClaimConsole;
import dev.rearm.analysis.report.ReportComposer;
import dev.rearm.analysis.report.ReportWriter;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar analysis.jar --in RUN_DIR [--baseline OTHER_RUN_DIR [--equivalence-margin PERCENT]] --out DIR}: reads a run
 * folder, writes report.md, report.html and charts/ into DIR, prints the claim check.
 * Exit codes: 0 done, 2 bad input (one line on stderr naming the file or option), 1 anything else.
 */
@Command(name = "analysis.jar", mixinStandardHelpOptions = true, sortOptions = false,
        version = "rearm analysis 0.1.0-SNAPSHOT",
        description = {"Reads a run folder (env.json, native.json, jmh.json, optional run.json), computes "
                + "reopen/modify speedups with bootstrap confidence intervals, fits the cost model, checks the "
                + "commit's ~10x / ~4x claims and writes report.md, report.html and charts/ (PNG + SVG).",
                "Never writes into the input files; the output folder may be the run folder."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:report written", "1:unexpected failure", "2:bad input (the message names it)"})
public final class AnalysisCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "RUN_DIR",
            description = "The run folder to report on (e.g. results/latest).")
    Path in;

    @Option(names = "--baseline", paramLabel = "OTHER_RUN_DIR",
            description = "Another run folder: every speedup is shown beside the same one from that run, "
                    + "with the ratio of ratios and its CI.")
    Path baseline;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where report.md, report.html and charts/ go (created if missing).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Bootstrap seed (default: ${DEFAULT-VALUE}); no reported figure uses the bootstrap any more "
                    + "(every interval is a t interval), so it changes nothing in the report.")
    long seed;

    @Option(names = "--resamples", defaultValue = "10000", paramLabel = "N",
            description = "Bootstrap resamples, at least 10000 (default: ${DEFAULT-VALUE}); every reported interval "
                    + "is a t interval and needs none.")
    int resamples;

    @Option(names = "--equivalence-margin", defaultValue = BaselineComparison.DEFAULT_MARGIN, paramLabel = "PERCENT",
            // picocli formats descriptions: a literal percent sign is written %%
            description = "With --baseline: a ratio of ratios whose 95%% CI lies within +-PERCENT is reported as "
                    + "within run-to-run variation, and only one whose whole CI lies beyond it can be a change. "
                    + "Take it from A/A runs on the host (analysis/README.md); default: ${DEFAULT-VALUE}, from the "
                    + "shared A/A pair.")
    double equivalenceMargin;

    @Override
    public Integer call() throws Exception {
        if (resamples < HierarchicalBootstrap.MIN_RESAMPLES) {
            throw new BadInputException("--resamples " + resamples + ": use at least "
                    + HierarchicalBootstrap.MIN_RESAMPLES + " so the 95% interval's tails rest on enough draws");
        }
        if (!(equivalenceMargin > 0 && equivalenceMargin < 100)) {
            throw new BadInputException("--equivalence-margin " + equivalenceMargin + ": use a percentage above 0 and "
                    + "below 100, the run-to-run variation A/A runs show on this host (default "
                    + BaselineComparison.DEFAULT_MARGIN + ")");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + ": is a file; give a folder (it is created if missing)");
        }
        Run run = RunLoader.load(in);
        Optional<Run> other = Optional.empty();
        if (baseline != null) {
            other = Optional.of(RunLoader.load(baseline));
        }
        for (Harness harness : Harness.values()) {
            if (!run.has(harness)) {
                spec.commandLine().getErr().println("analysis: " + in.resolve(harness.fileName()) + " is missing: its rows are "
                        + "reported as not measured");
            }
        }
        Analysis analysis = new Analyzer(new HierarchicalBootstrap(seed, resamples)).analyze(run, other, equivalenceMargin);
        ChartSet charts = ReportCharts.build(analysis);
        ReportWriter.write(out, ReportComposer.compose(analysis, charts, Instant.now()), charts);
        PrintWriter console = spec.commandLine().getOut();
        for (String warning : run.warnings()) {
            console.println("Warning: " + warning + ".");
        }
        console.print(ClaimConsole.render(analysis.claims()));
        console.println(analysis.roundSize().consoleLine());
        console.println("Report: " + out.resolve(ReportWriter.MARKDOWN) + ", " + out.resolve(ReportWriter.HTML)
                + " (" + charts.drawn().size() + " charts, " + charts.skipped().size() + " not measured)");
        console.flush();
        return 0;
    }

    /** Runs the command the way the jar's main does; tests call it to see exit codes and messages. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new AnalysisCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            // One line that also says what is valid: every option with its value's name.
            String valid = e.getCommandLine().getCommandSpec().options().stream()
                    .map(option -> option.longestName() + (option.typeInfo().isBoolean() ? "" : " " + option.paramLabel()))
                    .collect(java.util.stream.Collectors.joining(", "));
            e.getCommandLine().getErr().println("analysis: " + e.getMessage() + "; valid: " + valid);
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, ignored) -> {
            if (e instanceof BadInputException) {
                cmd.getErr().println("analysis: " + e.getMessage());
                return BAD_INPUT;
            }
            cmd.getErr().println("analysis: failed: " + e);
            return 1;
        });
        return commandLine.execute(args);
    }

    public static void main(String[] args) {
        // Charts are drawn off-screen; there may be no display at all (CI, ssh).
        System.setProperty("java.awt.headless", "true");
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
