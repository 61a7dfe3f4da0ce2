package dev.rearm.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario or benchmark the pipeline left out on this machine, and why: listed in run.json's
 * {@code notRun} (which the analysis shows as "not measured") and on the console.
 *
 * <p>{@code what} and {@code why} are the sentences people read; {@code harness}, {@code commands}
 * and {@code scenario} say the same as keys, so the analysis can tell which cells an entry empties
 * without reading its wording (run.json format in docs/design.md).
 *
 * @param harness  "native" or "jmh"
 * @param commands the native commands/matrices or JMH benchmarks left out; empty: every one of the harness
 * @param scenario the scenario keys the entry is limited to (e.g. notify=signal); empty: every scenario
 */
public record NotRun(String what, String why, String harness, List<String> commands, Map<String, String> scenario) {
    public NotRun {
        commands = List.copyOf(commands);
        scenario = Collections.unmodifiableMap(new LinkedHashMap<>(scenario)); // keeps the order run.json shows
    }

    /** An entry of the native harness: {@code command} null for every command. */
    static NotRun nativeHarness(String what, String why, String command, Map<String, String> scenario) {
        return new NotRun(what, why, "native", command == null ? List.of() : List.of(command), scenario);
    }

    /** "strategy=modify pages=1,8" -> {strategy=modify, pages=1,8}, in order. */
    static Map<String, String> scenarioKeys(String described) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String part : described.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                keys.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return what + ": " + why;
    }
}
