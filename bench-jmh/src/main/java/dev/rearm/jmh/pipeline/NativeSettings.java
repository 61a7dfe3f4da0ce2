package dev.rearm.jmh.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the profile runs the native harness: which named matrices, and the harness's own rounds,
 * iterations and warm-up (empty = the harness's defaults).
 *
 * @param skip run the JMH side only (the harness is not built, or is being worked on)
 */
public record NativeSettings(Path harness, List<String> matrices, String rounds, String iterations, String warmup,
                             boolean skip) {

    public NativeSettings {
        matrices = List.copyOf(matrices);
        if (!skip && matrices.isEmpty()) {
            throw new BadSettingException("bench.native.matrices is empty: name one or more of headline, pages, "
                    + "trap-rate, shape, threads, slots, notify, all, profiler (or set -Dbench.native.skip=true)");
        }
        rounds = blankToEmpty(rounds);
        iterations = blankToEmpty(iterations);
        warmup = blankToEmpty(warmup);
    }

    /** Comma- or space-separated matrix names, as a property gives them. */
    public static List<String> splitMatrices(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.trim().split("[,\\s]+")).toList();
    }

    /** The harness command for one matrix, writing {@code out}. */
    public List<String> command(String matrix, Path out) {
        List<String> command = new ArrayList<>(List.of(harness.toString(), "--matrix", matrix));
        option(command, "--rounds", rounds);
        option(command, "--iterations", iterations);
        option(command, "--warmup", warmup);
        command.add("--out");
        command.add(out.toString());
        return command;
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
