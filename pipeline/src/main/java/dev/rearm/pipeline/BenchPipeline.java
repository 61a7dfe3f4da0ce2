package dev.rearm.pipeline;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark pipeline {@code mvn verify} runs (see pipeline/pom.xml): {@code measure} in
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
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: bad settings exit 2, failed steps 1, each with one line. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BenchPipeline());
        commandLine.setParameterExceptionHandler(BenchPipeline::badOption);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof BadSettingException) {
                line.getErr().println("[rearm] bad setting: " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            if (expected(e)) {
                // One clear line, no stack trace: these are failures a user acts on.
                line.getErr().println("[rearm] FAILED: " + e.getMessage());
                return 1;
            }
            throw e; // a bug: the stack trace is what is needed
        });
        return commandLine;
    }

    /** A value picocli cannot convert, or an unknown option: one line naming the Maven property and what is valid. */
    private static int badOption(CommandLine.ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        String message;
        PipelineProperties.Property property = e.getArgSpec() instanceof CommandLine.Model.OptionSpec option
                ? PipelineProperties.of(option.longestName()) : null;
        if (property != null && e.getValue() != null) {
            message = property.name() + "='" + e.getValue() + "' (" + ((CommandLine.Model.OptionSpec) e.getArgSpec())
                    .longestName() + "): not usable; valid: " + property.valid();
        } else {
            List<String> options = line.getCommandSpec().options().stream()
                    .map(CommandLine.Model.OptionSpec::longestName).toList();
            message = e.getMessage() + "; valid: " + String.join(", ", options);
        }
        line.getErr().println("[rearm] bad setting: " + message);
        return CommandLine.ExitCode.USAGE;
    }

    private static boolean expected(Exception e) {
        return e.getMessage() != null && (e instanceof StepRunner.StepFailedException || e instanceof BadSettingException
                || e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException
                || e instanceof IllegalArgumentException);
    }
}
