package dev.rearm.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Phase verify: the analysis writes report.md, report.html and charts/ into the staged run and
 * prints the claim check; then the staged run is renamed into place. Nothing is published if
 * the analysis fails.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Analyse the measured run, then rename its staging folder into place.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--handoff", required = true, description = "The file the measure step wrote.")
    Path handoff;
    @Option(names = "--analysis-jar", required = true, description = "analysis/target/analysis.jar.")
    Path analysisJar;
    @Option(names = "--project-dir", required = true)
    Path projectDir;

    private final PrintStream log = System.out;
    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        RunHandoff run = RunHandoff.readFrom(handoff);
        projectDir = projectDir.toAbsolutePath().normalize();
        analysisJar = analysisJar.toAbsolutePath().normalize();
        RunRecord record = RunRecord.readFrom(run.stage());
        StepRunner steps = new StepRunner(log, record, projectDir, clock);
        // The measure step's estimate, so the analysis's line continues its count (absent in older runs).
        JsonNode startedAt = record.json().path("startedAt");
        if (startedAt.isTextual()) {
            steps.estimate(RunEstimate.readFrom(record.json()), Instant.parse(startedAt.asText()));
        }
        try {
            if (Files.isRegularFile(analysisJar)) {
                List<String> command = new ArrayList<>(MeasureCommand.javaCommand());
                command.addAll(List.of("-jar", analysisJar.toString(), "--in", run.stage().toString(),
                        "--out", run.stage().toString()));
                steps.run(RunEstimate.ANALYSIS, command);
            } else {
                String reason = analysisJar + " is not built (the analysis module is not in this reactor)";
                log.println("[rearm] no report: " + reason + "; publishing the measurements alone");
                record.addSkippedStep("analysis", reason);
            }
            record.put("finishedAt", clock.instant().toString());
        } finally {
            record.writeTo(run.stage());
        }
        new RunFolder().publish(run.stage(), run.target());
        RunHandoff.clear(handoff);
        log.println("[rearm] results: " + run.target());
        return 0;
    }
}
