package dev.rearm.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one pipeline step as a child process whose output goes straight to the console (JMH's
 * and the harness's progress stay visible), and records it in run.json.
 */
final class StepRunner {
    private static final long CHILD_STOP_SECONDS = 5;
    /** How long a stopping JVM waits for the failed run's record to be written (see {@link #settled()}). */
    private static final long SETTLE_SECONDS = 5;
    private final PrintStream log;
    private final CountDownLatch settled = new CountDownLatch(1);
    private final RunRecord record;
    private final Path workDir;
    private final Clock clock;
    private RunEstimate estimate = new RunEstimate(List.of());
    private Instant runStartedAt;

    StepRunner(PrintStream log, RunRecord record, Path workDir, Clock clock) {
        this.log = log;
        this.record = record;
        this.workDir = workDir;
        this.clock = clock;
    }

    /** From now on each step starts with its place in {@code estimate} and the run's elapsed time. */
    void estimate(RunEstimate estimate, Instant runStartedAt) {
        this.estimate = estimate;
        this.runStartedAt = runStartedAt;
    }

    /** Runs the step; returns how long it took. */
    Duration run(String name, List<String> command) {
        return run(name, command, -1, null);
    }

    /**
     * Runs a step that may be refused: exit {@code refusedExit} is recorded as "refused" and gives
     * the child's own last standard-error line (the caller says what is left out, in the child's
     * words: the same exit may mean "cannot run here" or "the kernel failed mid-run"); any other
     * non-zero exit fails as in {@link #run}. Empty when the step ran.
     */
    Optional<String> runUnlessRefused(String name, List<String> command, int refusedExit) {
        StderrTail tail = new StderrTail(System.err);
        return run(name, command, refusedExit, tail) == null ? Optional.of(tail.lastLine()) : Optional.empty();
    }

    /** Null when the step exited {@code refusedExit}; {@code tail}, when given, copies and keeps the child's stderr. */
    private Duration run(String name, List<String> command, int refusedExit, StderrTail tail) {
        log.println();
        log.println("[rearm] >>> " + name);
        String progress = runStartedAt == null ? null
                : estimate.progressLine(name, Duration.between(runStartedAt, clock.instant()));
        if (progress != null) {
            log.println(progress);
        }
        log.println("[rearm]     " + command.stream().map(StepRunner::quoted).collect(Collectors.joining(" ")));
        Instant started = clock.instant();
        int exit;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).inheritIO();
            if (tail != null) {
                builder.redirectError(ProcessBuilder.Redirect.PIPE);
            }
            Process process = builder.start();
            Thread copier = tail == null ? null : tail.copy(process.getErrorStream());
            // SIGTERM or SIGINT to this JVM alone must not leave the step running on, writing into the stage.
            // The hook then waits for the main thread to write run.json: the JVM halts when its hooks end,
            // and halting mid-write would leave a half-written temporary file in the stage.
            Thread stopChild = new Thread(() -> {
                stop(process);
                awaitSettled();
            }, "stop " + name);
            Runtime.getRuntime().addShutdownHook(stopChild);
            try {
                exit = process.waitFor();
                if (copier != null) {
                    // Its last line is read once the child has closed its stderr (bounded: a grandchild may hold it).
                    copier.join(TimeUnit.SECONDS.toMillis(CHILD_STOP_SECONDS));
                }
            } finally {
                removeHook(stopChild);
            }
        } catch (IOException e) {
            throw new StepFailedException(name + " could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailedException(name + " was interrupted");
        }
        Instant finished = clock.instant();
        boolean refused = exit != 0 && exit == refusedExit;
        record.addStep(name, command, started, finished,
                exit == 0 ? "ok" : (refused ? "refused" : "failed") + " (exit " + exit + ")");
        if (refused) {
            // Not handed to the estimate: a refusal's second says nothing about how long the rest will take.
            log.printf("[rearm] <<< %s refused (exit %d)%n", name, exit);
            return null;
        }
        if (exit != 0) {
            throw new StepFailedException(name + " failed (exit " + exit + "); its output above says why");
        }
        Duration took = Duration.between(started, finished);
        estimate.finished(name, took);
        log.printf("[rearm] <<< %s done in %.1f s%n", name, took.toMillis() / 1000.0);
        return took;
    }

    /** Called once the run's record is written (or failed to be): a stopping JVM may halt now. */
    void settled() {
        settled.countDown();
    }

    private void awaitSettled() {
        try {
            settled.await(SETTLE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(CHILD_STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs and stops the child
        }
    }

    private static String quoted(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(c -> " \t\"'$\\*?|&;<>()".indexOf(c) >= 0)
                ? "'" + arg.replace("'", "'\\''") + "'"
                : arg;
    }

    /** A step that exited non-zero or could not run; the message is the one line to show. */
    static final class StepFailedException extends RuntimeException {
        StepFailedException(String message) {
            super(message);
        }
    }
}
