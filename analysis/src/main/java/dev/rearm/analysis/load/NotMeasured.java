package dev.rearm.analysis.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something the run did not measure, or measured but cannot be used, and why: a scenario the
 * harness marked as not run, an entry whose trap premise failed, a missing file.
 *
 * @param keys what was left out as keys (harness, commands, scenario); empty for an entry that
 *             only has its sentences (run.json format 1), which readers then match by wording
 */
public record NotMeasured(String harness, String what, String why, Optional<Keys> keys) {
    public NotMeasured(String harness, String what, String why) {
        this(harness, what, why, Optional.empty());
    }

    /**
     * @param harness  "native" or "jmh" ({@link Harness#label()})
     * @param commands the native commands/matrices or JMH benchmarks left out; empty: every one
     * @param scenario the scenario keys the entry is limited to (e.g. notify=signal); empty: every scenario
     */
    public record Keys(String harness, List<String> commands, Map<String, String> scenario) {
        public Keys {
            commands = List.copyOf(commands);
            scenario = Map.copyOf(scenario);
        }

        /** Whether the entry names {@code command} (a matrix, or a JMH class "X" for "X" and "X.method"), or every one. */
        public boolean covers(String command) {
            return commands.isEmpty() || commands.stream().anyMatch(c -> c.equals(command)
                    || c.startsWith(command + "."));
        }
    }
}
