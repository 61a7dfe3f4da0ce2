package dev.rearm.perf.cli;

import dev.rearm.perf.linux.Binding;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench-native.jar <command>}: the entry point of the bench-native jar. */
@Command(name = "bench-native.jar", mixinStandardHelpOptions = true,
        description = "rearm's Java side of the perf watchpoint benchmarks.",
        subcommands = {ProbeCommand.class, CommandLine.HelpCommand.class})
public final class RearmNativeCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: probe");
    }

    /** The command line as {@link #main} runs it (tests run the same one in-process). */
    public static CommandLine commandLine() {
        return new CommandLine(new RearmNativeCli()).setParameterExceptionHandler(new OneLineBadInput());
    }

    public static void main(String[] args) {
        try {
            Binding.selected(); // a bad -Drearm.binding: one line, before any perf call
        } catch (IllegalArgumentException e) {
            System.err.println("bench-native.jar: " + e.getMessage());
            System.exit(2);
        } catch (Binding.UnavailableException e) {
            System.err.println("bench-native.jar: " + e.getMessage());
            System.exit(1);
        } catch (LinkageError e) {
            // Not even JNA loads: the command reports that in its own words when it needs JNA.
        }
        System.exit(commandLine().execute(args));
    }
}
