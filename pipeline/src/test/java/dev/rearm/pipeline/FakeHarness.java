package dev.rearm.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Stand-in perfbp-bench scripts for the native step's tests: each records how it was called (in
 * calls.txt beside it) and writes what the real harness would, so no test here runs a benchmark.
 */
final class FakeHarness {
    private FakeHarness() {
    }

    /** Writes {"results": [{"matrix": NAME}]} to the --out file for every command, and exits 0. */
    static Path fakeHarness(Path dir) throws IOException {
        return recording(dir, 0, "none");
    }

    /** As {@link #fakeHarness(Path)}, but exits with {@code exit} after writing. */
    static Path fakeHarnessExiting(Path dir, int exit) throws IOException {
        return recording(dir, exit, "none");
    }

    /** As {@link #fakeHarness(Path)}, but {@code command} exits 3 (no watchpoint fires here) and writes nothing. */
    static Path fakeHarnessRefusing(Path dir, String command) throws IOException {
        return recording(dir, 0, command);
    }

    /** perfbp-bench in {@code dir} that runs {@code body} (sh) and records nothing. */
    static Path fakeHarnessRunning(Path dir, String body) throws IOException {
        Path script = dir.resolve("perfbp-bench");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** The calls a recording harness in {@code dir} got, one line of arguments each. */
    static List<String> calls(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("calls.txt"));
    }

    private static Path recording(Path dir, int exit, String refused) throws IOException {
        return fakeHarnessRunning(dir, """
                echo "$*" >> "$(dirname "$0")/calls.txt"
                [ "$1" = "%s" ] && { echo "perfbp-bench: no watchpoint fires here" >&2; exit 3; }
                while [ $# -gt 0 ]; do
                  case "$1" in profiler|trap-anatomy|round-size) m="$1" ;; --matrix) m="$2"; shift ;; --out) o="$2"; shift ;; esac; shift
                done
                [ %d -eq 0 ] || exit %d
                printf '{"harness": "native", "env": {}, "results": [{"matrix": "%%s"}]}' "$m" > "$o"
                """.formatted(refused, exit, exit));
    }
}
