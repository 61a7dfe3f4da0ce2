package dev.rearm.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rearm.perf.scenario.Notify;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the native harness once per matrix the profile names (its own progress lines show on
 * the console) and leaves one native.json in the run folder: several matrices' files are merged.
 */
final class NativeStep {
    /** The watchpoint tool's overhead: not a watchpoint-move matrix, and its tool needs traps and their signals. */
    static final String PROFILER = "profiler";
    /** perfbp-bench trap-anatomy: it decides itself which parts can run here, so nothing narrows it. */
    static final String ANATOMY = "trap-anatomy";
    /**
     * perfbp-bench round-size: the headline's per-op figure at several fixed round sizes, so the
     * analysis can tell whether time-sized rounds (a different op count per strategy) bias the
     * ratio. It writes round-size.json of its own, not part of native.json.
     */
    static final String ROUND_SIZE = "round-size";
    static final String ROUND_SIZE_FILE = "round-size.json";
    /** The harness's exit code for "the kernel refused": for the round-size check, a "not run", not a failed run. */
    static final int REFUSED = 3;

    /** The profiler, the trap anatomy and the round-size check are commands of their own; every other name is a moves matrix. */
    static boolean isCommand(String name) {
        return PROFILER.equals(name) || ANATOMY.equals(name) || ROUND_SIZE.equals(name);
    }

    /** "native profiler", "native round-size", "native matrix pages": how run.json and the console name a plan entry. */
    static String label(String name) {
        return "native " + (isCommand(name) ? "" : "matrix ") + name;
    }
    private final PrintStream log;

    NativeStep(PrintStream log) {
        this.log = log;
    }

    /**
     * One harness run of the plan: a named matrix with the options that narrow it to this machine.
     *
     * @param fork which process of its matrix this is, from 0 (a command of its own is always 0)
     */
    record Matrix(String stepName, String name, List<String> narrowing, int fork) {
        Matrix(String stepName, String name, List<String> narrowing) {
            this(stepName, name, narrowing, 0);
        }

        /** {@code harness} (the harness's command for this matrix, a run or a dry run) with the narrowing after it. */
        List<String> narrowed(List<String> harness) {
            List<String> command = new ArrayList<>(harness);
            command.addAll(narrowing);
            return command;
        }
    }

    /** Plans and runs the matrices (the measure step plans first, for its estimate, then runs). */
    void run(StepRunner steps, RunRecord record, NativeSettings settings, Path stage, EnvFacts env) {
        run(steps, record, settings, plan(record, settings, env), stage);
    }

    /**
     * The matrices this machine can run, narrowed to what it supports; what is left out is
     * recorded in run.json with the reason. Empty when the harness does not run at all.
     */
    List<Matrix> plan(RunRecord record, NativeSettings settings, EnvFacts env) {
        ObjectNode section = record.section("native");
        if (settings.skip()) {
            String reason = "skipped on request (bench.native.skip=true)";
            log.println("[rearm] native harness " + reason + ": native.json will be missing from this run");
            skipped(record, section, reason);
            return List.of();
        }
        if (env.watchpointRefusal() != null) {
            // The harness would only say the same and exit 3: nothing of it can run here.
            String reason = "no watchpoint can be armed here: " + env.watchpointRefusal();
            log.println("[rearm] native harness not run: " + reason);
            skipped(record, section, reason);
            record.addNotRun(NotRun.nativeHarness("native harness, every scenario", reason, null, Map.of()));
            return List.of();
        }
        List<String> names = new ArrayList<>(settings.runs());
        if (env.trapRefusal() != null) {
            // Every move proves its watchpoint live by a trap (and the profiler's tool works by traps):
            // only the trap anatomy, which says itself which of its parts can run, is left.
            String reason = "every move's premise needs a trap, and no trap is counted here (a store under an armed "
                    + "watchpoint does not fire it): " + env.trapRefusal();
            for (String name : List.copyOf(names)) {
                if (!ANATOMY.equals(name)) {
                    names.remove(name);
                    log.println("[rearm] " + label(name) + " not run: " + reason);
                    record.addNotRun(NotRun.nativeHarness(label(name), reason, name, Map.of()));
                }
            }
        }
        List<String> narrowing = env.trapRefusal() != null ? List.of() : narrowing(record, env);
        if (!Files.isRegularFile(settings.harness()) || !Files.isExecutable(settings.harness())) {
            throw new IllegalStateException("the native harness " + settings.harness() + " is not built: bench-native's "
                    + "Makefile builds it in generate-resources (gcc and linux/perf_event.h needed); "
                    + "-Dbench.native.skip=true runs the JMH side only");
        }
        section.put("rounds", settings.rounds());
        section.put("iterations", settings.iterations());
        section.put("warmup", settings.warmup());
        section.put("roundSizing", settings.timeSized() ? "time" : "fixed");
        section.put("roundMs", settings.roundMs());
        section.put("minOps", settings.minOps());
        String profilerRefusal = profilerRefusal(env);
        if (profilerRefusal != null && names.remove(PROFILER)) {
            log.println("[rearm] native matrix profiler not run: " + profilerRefusal);
            record.addNotRun(NotRun.nativeHarness("native matrix profiler", profilerRefusal, PROFILER, Map.of()));
        }
        if (names.isEmpty()) {
            String reason = "no command of bench.native.commands can run here (see notRun in run.json)";
            log.println("[rearm] native harness not run: " + reason + ": native.json will be missing from this run");
            skipped(record, section, reason);
            return List.of();
        }
        section.put("forks", settings.forks());
        // Fork 0 of every moves matrix runs with the commands; forks 1.. of the moves matrices follow,
        // and schedule() spreads them over the JMH part, so minutes-scale drift falls inside the interval.
        List<String[]> entries = new ArrayList<>();
        for (String name : names) {
            entries.add(new String[] {name, "0"});
        }
        for (int fork = 1; fork < settings.forks(); fork++) {
            for (String name : names) {
                if (!isCommand(name)) {
                    entries.add(new String[] {name, String.valueOf(fork)});
                }
            }
        }
        List<Matrix> plan = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String matrix = entries.get(i)[0];
            int fork = Integer.parseInt(entries.get(i)[1]);
            String forkLabel = isCommand(matrix) || settings.forks() == 1 ? ""
                    : ", fork " + (fork + 1) + "/" + settings.forks();
            // The profiler takes only --strategy of the scenario keys (its other options are its own).
            plan.add(new Matrix("native harness, " + (isCommand(matrix) ? "" : "matrix ")
                    + matrix + forkLabel + " (" + (i + 1) + "/" + entries.size() + ")", matrix,
                    PROFILER.equals(matrix) ? strategyOnly(narrowing) : isCommand(matrix) ? List.of() : narrowing, fork));
        }
        return plan;
    }

    /**
     * Where each plan entry runs among the JMH runs: entry i runs just before JMH run
     * {@code slots[i]} ({@code jmhSeconds.length}: after the last). The commands and every matrix's
     * first fork run before JMH; with n forks, fork k runs once k/(n-1) of the JMH part's estimated
     * seconds have passed, so 3 forks are one before, one in the middle and one after it.
     */
    static int[] schedule(List<Matrix> plan, double[] jmhSeconds) {
        int forks = 1 + plan.stream().mapToInt(Matrix::fork).max().orElse(0);
        double total = Arrays.stream(jmhSeconds).sum();
        int[] slots = new int[plan.size()];
        for (int i = 0; i < plan.size(); i++) {
            int fork = plan.get(i).fork();
            if (fork == 0) {
                continue;
            }
            if (fork == forks - 1) {
                slots[i] = jmhSeconds.length; // the last fork closes the run
                continue;
            }
            double due = total * fork / (forks - 1);
            double elapsed = 0;
            int slot = 0;
            while (slot < jmhSeconds.length && elapsed < due) {
                elapsed += jmhSeconds[slot++];
            }
            slots[i] = slot;
        }
        return slots;
    }

    /** Runs the whole plan back to back (no JMH part between its forks). */
    void run(StepRunner steps, RunRecord record, NativeSettings settings, List<Matrix> plan, Path stage) {
        Scheduled scheduled = start(steps, record, settings, plan, new int[plan.size()], stage);
        scheduled.before(0);
        scheduled.finish();
    }

    /** The plan, to be run slot by slot between the JMH runs ({@link #schedule}). */
    Scheduled start(StepRunner steps, RunRecord record, NativeSettings settings, List<Matrix> plan, int[] slots,
                    Path stage) {
        return new Scheduled(steps, record, settings, plan, slots, stage);
    }

    /** A plan being run: {@link #before} runs the entries due before a JMH run, {@link #finish} leaves native.json. */
    final class Scheduled {
        private final StepRunner steps;
        private final RunRecord record;
        private final NativeSettings settings;
        private final List<Matrix> plan;
        private final int[] slots;
        private final Path stage;
        private final boolean onePart;
        private final List<Path> parts = new ArrayList<>();
        private final List<Integer> partForks = new ArrayList<>();
        private final List<Boolean> partMoves = new ArrayList<>();

        private Scheduled(StepRunner steps, RunRecord record, NativeSettings settings, List<Matrix> plan, int[] slots,
                          Path stage) {
            this.steps = steps;
            this.record = record;
            this.settings = settings;
            this.plan = List.copyOf(plan);
            this.slots = slots.clone();
            this.stage = stage;
            this.onePart = plan.stream().filter(matrix -> !ROUND_SIZE.equals(matrix.name())).count() == 1;
            if (!plan.isEmpty()) {
                ArrayNode matrices = record.section("native").putArray("matrices");
                plan.stream().filter(matrix -> matrix.fork() == 0).forEach(matrix -> matrices.add(matrix.name()));
            }
        }

        /** Runs the entries due before JMH run {@code slot} (the JMH run count: after the last). */
        void before(int slot) {
            for (int i = 0; i < plan.size(); i++) {
                if (slots[i] != slot) {
                    continue;
                }
                Matrix matrix = plan.get(i);
                if (ROUND_SIZE.equals(matrix.name())) {
                    runRoundSize(steps, record, settings, matrix, stage.resolve(ROUND_SIZE_FILE));
                    continue;
                }
                Path part = stage.resolve(onePart ? "native.json" : "native-" + matrix.name()
                        + (settings.forks() > 1 && !isCommand(matrix.name()) ? "-fork" + matrix.fork() : "") + ".json");
                steps.run(matrix.stepName(), matrix.narrowed(settings.command(matrix.name(), part)));
                requireWritten(part);
                parts.add(part);
                partForks.add(matrix.fork());
                partMoves.add(!isCommand(matrix.name()));
            }
        }

        /**
         * Several parts become one native.json; with more than one process per matrix, each move
         * result says which process measured it ({@code fork}) and the file how many there were ({@code forks}).
         */
        void finish() {
            if (parts.size() <= 1) {
                return;
            }
            int forks = settings.forks();
            ObjectNode merged = JsonFiles.mergeNative(parts, forks > 1 ? partIndex -> partMoves.get(partIndex)
                    ? partForks.get(partIndex) : null : partIndex -> null);
            if (forks > 1) {
                merged.put("forks", forks);
            }
            JsonFiles.writeAtomically(stage.resolve("native.json"), merged);
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
     * The round-size check: where the harness refuses it (exit 3: no watchpoint fires, the kernel
     * lacks a strategy it compares, or the kernel failed mid-run), the run goes on without it and
     * run.json says so in the harness's own last line.
     */
    private void runRoundSize(StepRunner steps, RunRecord record, NativeSettings settings, Matrix matrix, Path out) {
        Optional<String> refusal = steps.runUnlessRefused(matrix.stepName(),
                matrix.narrowed(settings.command(matrix.name(), out)), REFUSED);
        if (refusal.isEmpty()) {
            requireWritten(out);
            return;
        }
        String reason = "perfbp-bench round-size exited " + REFUSED + ": " + refusal.get();
        log.println("[rearm] " + label(ROUND_SIZE) + " not run: " + reason);
        record.addNotRun(NotRun.nativeHarness(label(ROUND_SIZE), reason, ROUND_SIZE, Map.of()));
    }

    private static void requireWritten(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the native harness exited 0 but wrote no " + file);
        }
    }

    /**
     * Seconds {@code matrix} should take, from the harness's own plan ({@code --dry-run} lists
     * its scenarios and runs nothing); 0 when the harness cannot say (the ETA then leaves it out).
     */
    static double estimateSeconds(NativeSettings settings, Matrix matrix, NativeCostModel model) {
        List<String> lines = dryRunLines(matrix.narrowed(settings.dryRun(matrix.name())));
        if (lines == null) {
            return 0;
        }
        // round-size's dry run states its own scenarios, sizes, rounds and dropped batches.
        return ROUND_SIZE.equals(matrix.name()) ? model.roundSizeSeconds(lines) : model.seconds(lines);
    }

    /** The dry run's standard output, or null when it could not run or refused. */
    private static List<String> dryRunLines(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            return process.waitFor() == 0 ? lines : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void skipped(RunRecord record, ObjectNode section, String reason) {
        record.addSkippedStep("native harness", reason);
        section.put("skipped", reason);
    }

    /**
     * Options that keep every matrix to what the probe found working: the harness refuses a
     * matrix naming a strategy the kernel lacks (exit 3), so the pipeline narrows it and records why.
     */
    private List<String> narrowing(RunRecord record, EnvFacts env) {
        List<String> options = new ArrayList<>();
        if (env.modifyRefusal() != null) {
            options.addAll(List.of("--strategy", "reopen"));
            record.addNotRun(NotRun.nativeHarness("native strategy=modify (every matrix)",
                    "the modify ioctl is refused here: " + env.modifyRefusal(), null, Map.of("strategy", "modify")));
        }
        if (env.signalRefusal() != null) {
            options.addAll(List.of("--notify", "none"));
            record.addNotRun(NotRun.nativeHarness("native notify=signal (every matrix)",
                    "no signal per trap here: " + env.signalRefusal(), null, Map.of("notify", Notify.SIGNAL.key())));
        }
        if (!options.isEmpty()) {
            log.println("[rearm] native harness narrowed to what this machine supports: " + String.join(" ", options));
        }
        return options;
    }

    /**
     * Null when the profiler matrix can run here: its tool disarms each watchpoint when the
     * watchpoint's trap signal arrives, so without signals it would measure a tool that never does
     * its work (and the harness takes no --notify for it). Without traps {@link #plan} has already
     * left it out with every move.
     */
    private static String profilerRefusal(EnvFacts env) {
        if (env.signalRefusal() != null) {
            return "its tool disarms each watchpoint on its trap's signal, and no signal per trap here: "
                    + env.signalRefusal();
        }
        return null;
    }

    /** The narrowing options the profiler matrix takes: {@code --strategy} alone. */
    private static List<String> strategyOnly(List<String> narrowing) {
        int at = narrowing.indexOf("--strategy");
        return at < 0 ? List.of() : narrowing.subList(at, at + 2);
    }
}
