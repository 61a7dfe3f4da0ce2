package dev.rearm.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What signal dispositions this JVM inherited: a background shell job starts with SIGINT ignored. */
final class InheritedSignals {
    private static final int SIGINT = 2;

    private InheritedSignals() {
    }

    /** True when /proc/self/status says SIGINT is ignored (bit SIGINT-1 of the SigIgn mask). */
    static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    return (mask & (1L << (SIGINT - 1))) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
