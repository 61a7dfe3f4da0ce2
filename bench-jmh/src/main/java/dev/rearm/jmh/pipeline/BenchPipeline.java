package dev.rearm.jmh.pipeline;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark pipeline {@code mvn verify} runs (see bench-jmh/pom.xml): {@code measure} in
 * the integration-test phase (probe, native harness, JMH into a staging folder), {@code report}
 * in the verify phase (analysis, then the staging folder renamed into place).
 */
@Command(name = "bench-pipeline", mixinStandardHelpOptions = true,
        description = "Runs rearm's benchmarks into a staged run folder and publishes it when complete.",
        subcommands = {MeasureCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class BenchPipeline implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: measure or report");
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new BenchPipeline());
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (expected(e)) {
                // One clear line, no stack trace: these are failures a user acts on.
                line.getErr().println("[rearm] FAILED: " + e.getMessage());
                return 1;
            }
            throw e; // a bug: the stack trace is what is needed
        });
        System.exit(commandLine.execute(args));
    }

    private static boolean expected(Exception e) {
        return e.getMessage() != null && (e instanceof StepRunner.StepFailedException || e instanceof BadSettingException
                || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException
                || e instanceof IllegalArgumentException);
    }
}
