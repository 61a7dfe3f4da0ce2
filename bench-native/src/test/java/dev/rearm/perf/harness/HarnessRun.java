package dev.rearm.perf.harness;

import java.util.List;

/** What one run of perfbp-bench left behind: its exit code and both streams. */
record HarnessRun(int exitCode, String stdout, String stderr) {

    /** Non-empty lines of stderr. */
    List<String> stderrLines() {
        return stderr.lines().filter(line -> !line.isBlank()).toList();
    }
}
