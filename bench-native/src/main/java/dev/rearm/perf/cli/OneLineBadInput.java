package dev.rearm.perf.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad input gets one line on stderr, naming what was wrong and what is valid, and exit code 2
 * (picocli's default prints the whole usage text after the error, which buries it).
 */
final class OneLineBadInput implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(line(e));
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String line(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String name = spec.qualifiedName();
        String what;
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            what = describeUnmatched(spec, unmatched.getUnmatched().get(0)) + "; valid: " + valid(spec)
                    + suggestion(unmatched.getSuggestions());
        } else {
            what = lowerFirst(oneLine(e.getMessage()));
        }
        return name + ": " + what + " (see '" + name + " --help')";
    }

    private static String describeUnmatched(CommandSpec spec, String argument) {
        if (argument.startsWith("-")) {
            return "unknown option '" + argument + "'";
        }
        return (spec.subcommands().isEmpty() ? "unexpected argument '" : "unknown command '") + argument + "'";
    }

    /** The commands (if any) and options of this command, as a user types them. */
    private static String valid(CommandSpec spec) {
        String options = spec.options().stream().filter(option -> !option.hidden()).map(OneLineBadInput::usage)
                .collect(Collectors.joining(", "));
        if (spec.subcommands().isEmpty()) {
            return options;
        }
        return "commands " + String.join(", ", spec.subcommands().keySet()) + "; options " + options;
    }

    private static String usage(OptionSpec option) {
        String names = String.join("/", option.names());
        return option.arity().max() > 0 ? names + " " + option.paramLabel() : names;
    }

    private static String suggestion(List<String> suggestions) {
        return suggestions.isEmpty() ? "" : "; did you mean " + suggestions.get(0) + "?";
    }

    private static String oneLine(String message) {
        // picocli ends some messages with a full stop; the hint follows on the same line.
        if (message == null) {
            return "invalid input";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ").replaceAll("\\.$", "");
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
