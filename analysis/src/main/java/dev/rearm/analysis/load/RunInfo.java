package dev.rearm.analysis.load;

import java.util.List;

/**
 * How a run was made, from the optional {@code RUN_DIR/run.json}. Its shape (every key optional;
 * unknown keys are ignored):
 *
 * <pre>
 * { "command": "mvn -B verify -Pfull", "profile": "full",
 *   "startedAt": "2026-01-01T10:00:00Z", "finishedAt": "2026-01-01T10:40:00Z",
 *   "gitCommit": "3ff83fc", "host": "builder-1",
 *   "notes": [ "free text shown in the report" ],
 *   "notRun": [ { "what": "JMH ThreadsBenchmark", "why": "nproc is 1",
 *                 "harness": "jmh", "commands": ["ThreadsBenchmark"], "scenario": {} } ] }
 * </pre>
 *
 * Without the file every field reads "unknown" in the report. The pipeline's run.json also has
 * {@code "measuredAt"} (when the measurements ended, before the analysis ran: preferred over
 * finishedAt) and {@code "jmh": {"binding": "jni"|"jna"}}.
 *
 * @param finishedAt when the measurements finished, from the run's file (never the analysis' clock)
 * @param binding    how JMH's perf calls reached the kernel ("jni" or "jna"), or null when not recorded
 */
public record RunInfo(String source, String command, String profile, String startedAt, String finishedAt,
                      String gitCommit, String host, List<String> notes, List<NotMeasured> notRun, String binding) {

    /** The binding whose dispatch docs/design.md gives at ~250 ns a call, ~12% of a modify. */
    public static final String JNA = "jna";

    public static RunInfo unknown(String why) {
        return new RunInfo(why, null, null, null, null, null, null, List.of(), List.of(), null);
    }

    public boolean jmhUsedJna() {
        return JNA.equalsIgnoreCase(binding);
    }
}
