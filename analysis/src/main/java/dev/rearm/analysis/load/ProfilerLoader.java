package dev.rearm.analysis.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.analysis.stats.GroupedSample;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the profiler matrix's entries of native.json (those with a "workload" key) and its
 * top-level "profiler" block. An entry whose trap count and trap signals disagree (the harness
 * never writes one, but a hand-edited file may) becomes "not measured".
 */
final class ProfilerLoader {
    static final String KEY = "workload";

    private ProfilerLoader() {
    }

    static boolean isProfilerEntry(JsonNode result) {
        return result.path(KEY).isTextual();
    }

    /** The entry, or null after adding why it cannot be used to {@code notMeasured}. */
    static ProfilerEntry entry(Path file, int index, JsonNode result, List<NotMeasured> notMeasured)
            throws BadInputException {
        String where = file + " results[" + index + "]";
        String workload = result.path(KEY).asText();
        String strategy = result.path(Scenario.STRATEGY).asText("");
        if (strategy.isEmpty()) {
            throw new BadInputException(where + ": a profiler entry (workload " + workload + ") without 'strategy'; "
                    + "expected none, sampler, reopen or modify");
        }
        int rate = result.path("rate").asInt(0);
        long accesses = result.path("accesses").asLong(0);
        if (accesses <= 0) {
            throw new BadInputException(where + ": 'accesses' is '" + result.path("accesses")
                    + "', expected the positive number of accesses per round");
        }
        GroupedSample cpu = rounds(where, result, "cpuNs");
        GroupedSample wall = rounds(where, result, "wallNs");
        ProfilerCounts counts = counts(result.path("counts"), cpu.groupCount());
        String label = "profiler " + workload + " " + (ProfilerEntry.NONE.equals(strategy) ? strategy : strategy + "@" + rate);
        if (counts.traps() != counts.trapSignals()) {
            notMeasured.add(new NotMeasured(Harness.NATIVE.label(), label, "premise failed: " + counts.traps()
                    + " traps in the rings, " + counts.trapSignals() + " trap signals"));
            return null;
        }
        // Absent from files written before the profiler measured it: that part is then "not measured".
        GroupedSample after = result.has("afterRound")
                ? GroupedSample.ofSingles(JsonNumbers.positiveFigures(where + " afterRound", result.path("afterRound"),
                        "cpuNs", " (CPU ns of the no-tool probe after a round)"))
                : null;
        return new ProfilerEntry(workload, strategy, rate, accesses, cpu, wall, counts, after);
    }

    private static GroupedSample rounds(String where, JsonNode result, String key) throws BadInputException {
        return GroupedSample.ofSingles(JsonNumbers.positiveFigures(where, result, key, ""));
    }

    private static ProfilerCounts counts(JsonNode c, int rounds) {
        Map<String, ProfilerCounts.PhaseTime> phases = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = c.path("phases").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            phases.put(field.getKey(), new ProfilerCounts.PhaseTime(field.getValue().path("calls").asLong(),
                    field.getValue().path("totalNs").asLong()));
        }
        return new ProfilerCounts(rounds, c.path("samples").asLong(), c.path("armed").asLong(),
                c.path("replaced").asLong(), c.path("traps").asLong(), c.path("trapSignals").asLong(),
                c.path("disarmedOnTrap").asLong(), c.path("valueChanged").asLong(),
                c.path("samplerHandlerNs").asLong(), c.path("trapHandlerNs").asLong(), Collections.unmodifiableMap(phases));
    }

    /** What the block says about the machine and the work; the entries are added by the caller. */
    static ProfilerData data(Path file, JsonNode root, List<ProfilerEntry> entries) throws BadInputException {
        JsonNode block = root.path("profiler");
        JsonNode pmu = block.path("hardwarePmu");
        GroupedSample signal = block.has("signalReference")
                ? GroupedSample.ofSingles(JsonNumbers.positiveFigures(file + " profiler.signalReference",
                        block.path("signalReference"), "cpuNsPerSignal", " (CPU ns per signal)"))
                : null;
        return new ProfilerData(entries, pmu.path("available").isBoolean() ? pmu.path("available").asBoolean() : null,
                pmu.path("reason").isTextual() ? pmu.path("reason").asText() : null,
                block.path("workMs").isNumber() ? block.path("workMs").asInt() : null,
                block.path("slots").isNumber() ? block.path("slots").asInt() : null, signal);
    }
}
