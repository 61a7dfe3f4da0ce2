package dev.rearm.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rearm.perf.linux.Binding;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Runs the planned JMH invocations of benchmarks.jar (JMH prints its own progress and ETA),
 * each writing its own JSON, and leaves their concatenation as the run's jmh.json.
 *
 * <p>The binding of the perf calls this JVM selected is passed to JMH explicitly
 * ({@code -Drearm.binding}; JMH forks inherit it), so each result's {@code jvmArgs} in jmh.json
 * and run.json's {@code jmh.binding} say which binding made the calls, and a fork that cannot
 * use it fails instead of quietly measuring another one.
 */
final class JmhStep {
    /** benchmarks.jar's exit for "cannot measure here" (no watchpoint fires), as the native harness's 3. */
    static final int EXIT_CANNOT_MEASURE = 3;

    private final PrintStream log;
    private final List<String> launcher;

    /** {@code launcher}: how to start JMH's main ({@code java -jar benchmarks.jar}). */
    JmhStep(PrintStream log, List<String> launcher) {
        this.log = log;
        this.launcher = List.copyOf(launcher);
    }

    void run(StepRunner steps, RunRecord record, JmhPlan plan, JmhSettings settings, Binding binding, Path stage) {
        run(steps, record, plan, settings, binding, stage, slot -> { });
    }

    /**
     * Runs the plan, calling {@code before.accept(i)} before JMH run i and {@code before.accept(n)}
     * after the last of n (the native forks spread over the JMH part run there).
     */
    void run(StepRunner steps, RunRecord record, JmhPlan plan, JmhSettings settings, Binding binding, Path stage,
             IntConsumer before) {
        recordSettings(record.section("jmh"), settings, plan);
        record.section("jmh").put("binding", binding.key());
        plan.notRun().forEach(entry -> {
            log.println("[rearm] not run here: " + entry);
            record.addNotRun(entry);
        });

        Path partsDir = stage.resolve("jmh-parts");
        List<Path> parts = new ArrayList<>();
        List<JmhRun> runs = plan.runs();
        if (runs.isEmpty()) {
            String reason = "nothing selected can run on this machine (see notRun in run.json)";
            log.println("[rearm] JMH " + reason + ": jmh.json will be missing from this run");
            record.addSkippedStep("JMH", reason);
            before.accept(0);
            return;
        }
        try {
            Files.createDirectories(partsDir);
            for (int i = 0; i < runs.size(); i++) {
                before.accept(i);
                JmhRun run = runs.get(i);
                Path part = partsDir.resolve(String.format("%02d.json", i + 1));
                List<String> command = new ArrayList<>(launcher);
                // The forks inherit the runner JVM's -D properties: every figure uses the binding recorded above.
                command.add(1, "-D" + Binding.PROPERTY + "=" + binding.key());
                command.addAll(run.args());
                command.addAll(List.of("-rf", "json", "-rff", part.toString()));
                Optional<String> refusal = steps.runUnlessRefused(stepName(runs, i), command, EXIT_CANNOT_MEASURE);
                if (refusal.isEmpty()) {
                    parts.add(part);
                } else {
                    leaveOut(record, run, refusal.get());
                }
            }
            before.accept(runs.size());
            if (parts.isEmpty()) {
                String reason = "benchmarks.jar refused every run here (see notRun in run.json)";
                log.println("[rearm] JMH " + reason + ": jmh.json will be missing from this run");
                record.addSkippedStep("JMH", reason);
                Files.delete(partsDir);
                return;
            }
            JsonFiles.writeAtomically(stage.resolve("jmh.json"), JsonFiles.concatArrays(parts));
            for (Path part : parts) {
                Files.delete(part);
            }
            Files.delete(partsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot manage JMH result files in " + partsDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * benchmarks.jar's main refuses, with exit 3, a run that needs a trap where none fires: the
     * plan leaves such runs out where the probe saw no trap, so this is a second probe that
     * disagreed (a host whose traps come and go). Its figures are missing, not failed: listed as
     * the plan's own omissions are, in benchmarks.jar's words.
     */
    private void leaveOut(RunRecord record, JmhRun run, String line) {
        NotRun entry = new NotRun("JMH " + run.label(), "benchmarks.jar exited " + EXIT_CANNOT_MEASURE + ": " + line,
                "jmh", run.benchmarks(), run.scenario());
        log.println("[rearm] not run here: " + entry);
        record.addNotRun(entry);
    }

    /** "JMH suite (1/7)": the step's name in the console, run.json and the estimate. */
    static String stepName(List<JmhRun> runs, int i) {
        return "JMH " + runs.get(i).label() + " (" + (i + 1) + "/" + runs.size() + ")";
    }

    private static void recordSettings(ObjectNode section, JmhSettings settings, JmhPlan plan) {
        section.put("include", settings.include());
        section.put("forks", settings.forks());
        section.put("sweepForks", settings.sweepForks());
        section.put("warmupIterations", settings.warmupIterations());
        section.put("warmupTime", settings.warmupTime());
        section.put("iterations", settings.iterations());
        section.put("time", settings.time());
        ArrayNode extra = section.putArray("extraArgs");
        settings.extraArgs().forEach(extra::add);
        ArrayNode leftOut = section.putArray("leftOut");
        plan.leftOut().forEach(leftOut::add);
    }
}
