package dev.rearm.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the profile runs the native harness: which commands ({@code bench.native.commands}: moves,
 * profiler, trap-anatomy, round-size), which matrices moves runs ({@code bench.native.matrices}),
 * and the harness's own rounds,
 * warm-up and round size (empty = the harness's defaults). A round is sized by time
 * ({@code roundMs}, with a floor of {@code minOps}: the harness calibrates the op count in
 * warm-up, so a 1 ms reopen no longer costs as much as 10,000 ops) or by a fixed op count
 * ({@code iterations}), never both.
 *
 * @param runs    the harness runs in order: a command of its own (profiler, trap-anatomy, round-size)
 *                or a matrix of {@code perfbp-bench moves} ({@link #runs(String, String)})
 * @param roundMs target milliseconds per measured round (time-sized rounds)
 * @param minOps  the fewest ops a time-sized round may have
 * @param skip    run the JMH side only (the harness is not built, or is being worked on)
 * @param forks   how many processes run each moves matrix ({@code bench.native.forks}): a process's
 *                address layout, page placement and the host's minute are sampled only across processes,
 *                so the analysis's unit for a native figure is the process, as JMH's is the fork
 */
public record NativeSettings(Path harness, List<String> runs, String rounds, String iterations, String roundMs,
                             String minOps, String warmup, boolean skip, int forks) {

    /** One process per matrix: how every run before bench.native.forks measured. */
    public NativeSettings(Path harness, List<String> runs, String rounds, String iterations, String roundMs,
                          String minOps, String warmup, boolean skip) {
        this(harness, runs, rounds, iterations, roundMs, minOps, warmup, skip, 1);
    }

    /** Fixed-size or harness-default rounds: no time sizing asked for. */
    public NativeSettings(Path harness, List<String> runs, String rounds, String iterations, String warmup,
                          boolean skip) {
        this(harness, runs, rounds, iterations, "", "", warmup, skip);
    }

    public NativeSettings {
        runs = List.copyOf(runs);
        if (forks < 1) {
            throw new BadSettingException("bench.native.forks=" + forks + ": must be at least 1; valid: a whole number "
                    + "of processes per moves matrix, at least 1 (3 or more for an interval across processes)");
        }
        if (!skip && runs.isEmpty()) {
            throw new BadSettingException("bench.native.commands is empty; valid: one or more of " + COMMANDS
                    + ", comma- or space-separated, or -Dbench.native.skip=true");
        }
        rounds = blankToEmpty(rounds);
        iterations = blankToEmpty(iterations);
        warmup = blankToEmpty(warmup);
        roundMs = blankToEmpty(roundMs);
        minOps = blankToEmpty(minOps);
        if (!iterations.isEmpty() && !(roundMs.isEmpty() && minOps.isEmpty())) {
            String timed = roundMs.isEmpty() ? "bench.native.minOps='" + minOps + "'" : "bench.native.roundMs='" + roundMs + "'";
            throw new BadSettingException("bench.native.iterations='" + iterations + "' and " + timed + " are both set: a "
                    + "round is sized by a fixed op count or by time, not both; valid: one of them, the other empty (e.g. "
                    + "-Dbench.native.iterations=2000 -Dbench.native.roundMs= -Dbench.native.minOps= for fixed rounds)");
        }
    }

    /** Whether rounds are sized by time: asked for, or the harness's default when no fixed size is given. */
    boolean timeSized() {
        return iterations.isEmpty();
    }

    /**
     * Asks the harness itself whether it takes these settings ({@code --help} after them: it
     * parses every option, refuses a bad one with exit 2 and one line, and runs nothing), so a
     * bad value is refused before the probe instead of after it, in the harness's own words.
     */
    void check() {
        if (skip || !Files.isExecutable(harness)) {
            return; // nothing to ask; NativeStep says what is missing
        }
        for (String run : runs) {
            List<String> command = matrixCommand(run);
            command.add("--help");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                String refusal = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (process.waitFor() == 2) {
                    throw new BadSettingException(property(refusal) + ": " + refusal.replaceFirst("^perfbp-bench: ", ""));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + harness + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking the harness settings", e);
            }
        }
    }

    /** "perfbp-bench: --rounds abc: ..." -> "bench.native.rounds=abc". */
    private String property(String refusal) {
        for (String[] option : new String[][] {{"--matrix ", "bench.native.matrices", String.join(",", runs.stream().filter(r -> !NativeStep.isCommand(r)).toList())},
            {"--rounds ", "bench.native.rounds", rounds}, {"--iterations ", "bench.native.iterations", iterations},
            {"--warmup ", "bench.native.warmup", warmup}, {"--round-ms ", "bench.native.roundMs", roundMs},
            {"--min-ops ", "bench.native.minOps", minOps}}) {
            if (refusal.contains(option[0])) {
                return option[1] + "='" + option[2] + "'";
            }
        }
        return "bench.native.*";
    }

    /** The commands bench.native.commands may name, in the order the harness's --help lists them. */
    static final String COMMANDS = "moves, profiler, trap-anatomy, round-size";
    /** The command whose runs are the matrices of bench.native.matrices. */
    static final String MOVES = "moves";

    /**
     * The harness runs that {@code bench.native.commands} and {@code bench.native.matrices} ask
     * for: each command in order, moves as one run per matrix. A command named in the matrices
     * (the property once held both) is refused in one line that says which property names it now.
     */
    public static List<String> runs(String commands, String matrices) {
        List<String> matrixNames = split(matrices);
        for (String name : matrixNames) {
            if (NativeStep.isCommand(name) || MOVES.equals(name)) {
                throw new BadSettingException("bench.native.matrices='" + matrices + "': " + name + " is a command, "
                        + "not a matrix; valid: the commands in bench.native.commands (e.g. -Dbench.native.commands="
                        + "moves,profiler,trap-anatomy,round-size) and only perfbp-bench moves' matrices in "
                        + "bench.native.matrices (e.g. -Dbench.native.matrices=all)");
            }
        }
        List<String> runs = new ArrayList<>();
        for (String command : split(commands)) {
            if (MOVES.equals(command)) {
                if (matrixNames.isEmpty()) {
                    throw new BadSettingException("bench.native.matrices is empty and bench.native.commands names "
                            + "moves; valid: one or more matrix names of perfbp-bench moves, comma- or space-separated "
                            + "(perfbp-bench moves --help lists them), e.g. all");
                }
                runs.addAll(matrixNames);
            } else if (NativeStep.isCommand(command)) {
                runs.add(command);
            } else {
                throw new BadSettingException("bench.native.commands='" + commands + "': unknown command '" + command
                        + "'; valid: " + COMMANDS);
            }
        }
        return runs;
    }

    /** Comma- or space-separated names, as a property gives them. */
    static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.trim().split("[,\\s]+")).toList();
    }

    /** The harness command for one matrix, writing {@code out}. */
    public List<String> command(String matrix, Path out) {
        List<String> command = matrixCommand(matrix);
        command.add("--out");
        command.add(out.toString());
        return command;
    }

    /** The harness command that lists one matrix's scenarios, rounds and ops, and runs nothing. */
    public List<String> dryRun(String matrix) {
        List<String> command = matrixCommand(matrix);
        command.add("--dry-run");
        return command;
    }

    /**
     * The profiler, the trap anatomy and the round-size check are commands of their own (they take
     * rounds and warm-up, not a round size: the round-size check's sizes are its own); every other
     * name is a matrix of {@code perfbp-bench moves}.
     */
    private List<String> matrixCommand(String matrix) {
        boolean command = NativeStep.isCommand(matrix);
        List<String> line = new ArrayList<>(command ? List.of(harness.toString(), matrix)
                : List.of(harness.toString(), "moves", "--matrix", matrix));
        option(line, "--rounds", rounds);
        if (!command) {
            option(line, "--iterations", iterations);
            option(line, "--round-ms", roundMs);
            option(line, "--min-ops", minOps);
        }
        option(line, "--warmup", warmup);
        return line;
    }

    private static void option(List<String> command, String name, String value) {
        if (!value.isEmpty()) {
            command.add(name);
            command.add(value);
        }
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
