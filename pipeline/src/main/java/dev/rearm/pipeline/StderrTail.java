package dev.rearm.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a child's standard error to the console line by line (its progress stays visible) and
 * keeps its last lines: a refusing child's reason is its own last words, not a guess of ours.
 */
final class StderrTail {
    /** The harness's closing line after a failure; the reason is the line before it. */
    private static final String STOPPED = "stopped; nothing written";
    private final PrintStream console;
    private volatile String last = "";
    private volatile String beforeLast = "";

    StderrTail(PrintStream console) {
        this.console = console;
    }

    /** Starts copying {@code stderr}; the thread ends when the child closes it. */
    Thread copy(InputStream stderr) {
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    console.println(line);
                    console.flush();
                    if (!line.isBlank()) {
                        beforeLast = last;
                        last = line.strip();
                    }
                }
            } catch (IOException e) {
                console.println("[rearm] lost the step's error output: " + e.getMessage());
            }
        }, "stderr copier");
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    /**
     * The child's last non-blank line, with the line before it when the last is only the
     * harness's "stopped; nothing written"; "(it wrote no reason)" when it wrote nothing.
     */
    String lastLine() {
        if (last.isEmpty()) {
            return "(it wrote no reason)";
        }
        return last.endsWith(STOPPED) && !beforeLast.isEmpty() ? beforeLast + " / " + last : last;
    }
}
