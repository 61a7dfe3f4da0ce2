package dev.rearm.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the native harness once per matrix the profile names (its own progress lines show on
 * the console) and leaves one native.json in the run folder: several matrices' files are merged.
 */
final class NativeStep {
    private final PrintStream log;

    NativeStep(PrintStream log) {
        this.log = log;
    }

    void run(StepRunner steps, RunRecord record, NativeSettings settings, Path stage, EnvFacts env) {
        ObjectNode section = record.section("native");
        if (settings.skip()) {
            String reason = "skipped on request (bench.native.skip=true)";
            log.println("[rearm] native harness " + reason + ": native.json will be missing from this run");
            record.addSkippedStep("native harness", reason);
            section.put("skipped", reason);
            return;
        }
        if (env.watchpointRefusal() != null) {
            // The harness would only say the same and exit 3: nothing of it can run here.
            String reason = "no watchpoint can be armed here: " + env.watchpointRefusal();
            log.println("[rearm] native harness not run: " + reason);
            record.addSkippedStep("native harness", reason);
            record.addNotRun(new NotRun("native harness, every scenario", reason));
            section.put("skipped", reason);
            return;
        }
        List<String> narrowing = narrowing(record, env);
        if (!Files.isRegularFile(settings.harness()) || !Files.isExecutable(settings.harness())) {
            throw new IllegalStateException("the native harness " + settings.harness() + " is not built: bench-native's "
                    + "Makefile builds it in generate-resources (gcc and linux/perf_event.h needed); "
                    + "-Dbench.native.skip=true runs the JMH side only");
        }
        section.put("rounds", settings.rounds());
        section.put("iterations", settings.iterations());
        section.put("warmup", settings.warmup());
        ArrayNode matrices = section.putArray("matrices");
        List<String> names = settings.matrices();
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String matrix = names.get(i);
            matrices.add(matrix);
            Path part = stage.resolve(names.size() == 1 ? "native.json" : "native-" + matrix + ".json");
            List<String> command = new ArrayList<>(settings.command(matrix, part));
            command.addAll(narrowing);
            steps.run("native harness, matrix " + matrix + " (" + (i + 1) + "/" + names.size() + ")", command);
            if (!Files.isRegularFile(part)) {
                throw new IllegalStateException("the native harness exited 0 but wrote no " + part);
            }
            parts.add(part);
        }
        if (parts.size() > 1) {
            JsonFiles.writeAtomically(stage.resolve("native.json"), JsonFiles.mergeNative(parts));
            try {
                for (Path part : parts) {
                    Files.delete(part);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Options that keep every matrix to what the probe found working: the harness refuses a
     * matrix naming a strategy the kernel lacks (exit 3), so the pipeline narrows it and records why.
     */
    private List<String> narrowing(RunRecord record, EnvFacts env) {
        List<String> options = new ArrayList<>();
        if (env.modifyRefusal() != null) {
            options.addAll(List.of("--strategy", "reopen"));
            record.addNotRun(new NotRun("native strategy=modify (every matrix)",
                    "the modify ioctl is refused here: " + env.modifyRefusal()));
        }
        if (env.signalRefusal() != null) {
            options.addAll(List.of("--notify", "none"));
            record.addNotRun(new NotRun("native notify=signal (every matrix)",
                    "no signal per trap here: " + env.signalRefusal()));
        }
        if (!options.isEmpty()) {
            log.println("[rearm] native harness narrowed to what this machine supports: " + String.join(" ", options));
        }
        return options;
    }
}
