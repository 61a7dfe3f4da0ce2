package dev.rearm.jmh.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one pipeline step as a child process whose output goes straight to the console (JMH's
 * and the harness's progress stay visible), and records it in run.json.
 */
final class StepRunner {
    private static final long CHILD_STOP_SECONDS = 5;
    private final PrintStream log;
    private final RunRecord record;
    private final Path workDir;
    private final Clock clock;

    StepRunner(PrintStream log, RunRecord record, Path workDir, Clock clock) {
        this.log = log;
        this.record = record;
        this.workDir = workDir;
        this.clock = clock;
    }

    void run(String name, List<String> command) {
        log.println();
        log.println("[rearm] >>> " + name);
        log.println("[rearm]     " + command.stream().map(StepRunner::quoted).collect(Collectors.joining(" ")));
        Instant started = clock.instant();
        int exit;
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).inheritIO().start();
            // SIGTERM or SIGINT to this JVM alone must not leave the step running on, writing into the stage.
            Thread stopChild = new Thread(() -> stop(process), "stop " + name);
            Runtime.getRuntime().addShutdownHook(stopChild);
            try {
                exit = process.waitFor();
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
        record.addStep(name, command, started, finished, exit == 0 ? "ok" : "failed (exit " + exit + ")");
        if (exit != 0) {
            throw new StepFailedException(name + " failed (exit " + exit + "); its output above says why");
        }
        log.printf("[rearm] <<< %s done in %.1f s%n", name, Duration.between(started, finished).toMillis() / 1000.0);
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
