package dev.rearm.analysis.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.analysis.stats.GroupedSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads native.json in the docs/design.md shape. Unknown keys are ignored (keys may be added, never
 * renamed). A result marked as not run ({@code "notRun": "why"}, or a {@code "status"} other than
 * "ok" with a {@code "reason"}), or one whose trap count does not match, becomes a "not measured"
 * entry instead of a figure. The profiler matrix's entries (they have a "workload" key) are read
 * apart, by {@link ProfilerLoader}: they are not moves of a watchpoint and join no comparison.
 * A file of several processes (format 2: results with a {@code fork}) gives each scenario one
 * measurement whose groups are its processes, each holding that process's rounds.
 */
final class NativeLoader {
    static final String EXPECTED = "the native harness's results: {\"harness\": \"native\", \"results\": "
            + "[{strategy, trapEvery, ..., nsPerOp: [...]}]} (see docs/design.md)";

    private NativeLoader() {
    }

    /** @param anatomy the file's "anatomy" block, unread: {@link AnatomyLoader#parts} reads it (a missing node if none) */
    record Loaded(List<Measurement> measurements, List<NotMeasured> notMeasured, Environment environment,
                  ProfilerData profiler, NativeRounds rounds, JsonNode anatomy) {
    }

    static Loaded load(Path file) throws BadInputException {
        JsonNode root = JsonInput.read(file, EXPECTED);
        if (!root.isObject() || !root.path("results").isArray()) {
            throw new BadInputException(file + ": not native.json (no 'results' array at the top); expected "
                    + EXPECTED);
        }
        String harness = root.path("harness").asText(Harness.NATIVE.label());
        if (!Harness.NATIVE.label().equals(harness)) {
            throw new BadInputException(file + ": its harness is '" + harness + "', not 'native'; expected "
                    + EXPECTED);
        }
        // Every number of a result is a time, a count or a duration: none can be negative.
        JsonNumbers.requireNonNegative(file, root, "results");
        List<Measurement> measurements = new ArrayList<>();
        List<NotMeasured> notMeasured = new ArrayList<>();
        List<ProfilerEntry> profiler = new ArrayList<>();
        Map<String, Long> opsPerRound = new LinkedHashMap<>();
        NativeRounds.Sizing sizing = sizing(file, root.path("settings"));
        int index = 0;
        int moves = 0;
        Map<String, Processes> forked = new LinkedHashMap<>();
        for (JsonNode result : root.path("results")) {
            if (ProfilerLoader.isProfilerEntry(result)) {
                ProfilerEntry entry = ProfilerLoader.entry(file, index++, result, notMeasured);
                if (entry != null) {
                    profiler.add(entry);
                }
                continue;
            }
            moves++;
            readResult(file, index++, result, sizing, measurements, notMeasured, opsPerRound, forked);
        }
        for (Processes processes : forked.values()) {
            processes.measurement().ifPresentOrElse(measurements::add, () -> notMeasured.add(processes.notMeasured()));
        }
        Environment environment = root.path("env").isObject()
                ? EnvironmentLoader.fromNode(root.path("env"), "native.json env block") : null;
        // Without a move result the settings' round size describes no round that ran (a profiler-only file).
        NativeRounds rounds = rounds(file, root.path("settings"), sizing, opsPerRound);
        if (moves == 0) {
            rounds = NativeRounds.noMoves();
        }
        return new Loaded(List.copyOf(measurements), List.copyOf(notMeasured), environment,
                ProfilerLoader.data(file, root, profiler), rounds, root.path("anatomy"));
    }

    /**
     * settings.roundSizing: "time", "fixed", or "none" (the harness ran no moves: a profiler-only
     * file). A file from before time sizing has none: fixed when it has settings.iterations.
     */
    private static NativeRounds.Sizing sizing(Path file, JsonNode settings) throws BadInputException {
        JsonNode sizing = settings.path("roundSizing");
        if (sizing.isMissingNode()) {
            return settings.has("iterations") ? NativeRounds.Sizing.FIXED : NativeRounds.Sizing.UNKNOWN;
        }
        return switch (sizing.isTextual() ? sizing.asText() : "") {
            case "time" -> NativeRounds.Sizing.TIME;
            case "fixed" -> NativeRounds.Sizing.FIXED;
            case "none" -> NativeRounds.Sizing.NONE;
            default -> throw new BadInputException(file + " settings, field roundSizing: " + sizing + " is not a round "
                    + "sizing; expected \"time\", \"fixed\" or \"none\" (no moves ran)");
        };
    }

    /** The round size of {@code sizing}: "time": roundMs, minOps; "fixed": iterations. Every figure there must be usable. */
    private static NativeRounds rounds(Path file, JsonNode settings, NativeRounds.Sizing sizing,
                                       Map<String, Long> opsPerRound) throws BadInputException {
        if (sizing == NativeRounds.Sizing.NONE) {
            return NativeRounds.noMoves();
        }
        JsonNode roundMs = settings.path("roundMs");
        if (!roundMs.isMissingNode() && !(roundMs.isNumber() && roundMs.asDouble() > 0)) {
            throw new BadInputException(file + " settings, field roundMs: " + roundMs + " is not a time per round; "
                    + "expected a number of milliseconds above 0");
        }
        Long minOps = settings.has("minOps") ? JsonNumbers.requireWhole(file, "settings", "minOps",
                settings.path("minOps"), 1, "the floor of ops per time-sized round") : null;
        Long iterations = settings.has("iterations") ? JsonNumbers.requireWhole(file, "settings", "iterations",
                settings.path("iterations"), 1, "the ops of every fixed-size round") : null;
        return new NativeRounds(sizing, roundMs.isNumber() ? roundMs.asDouble() : null, minOps, iterations, opsPerRound);
    }

    /**
     * One scenario of one matrix as several processes measured it (native.json format 2: each
     * result has the {@code fork} that measured it): each process's rounds become one group, so
     * the process is the unit of the interval and the rounds are nested in it. A process whose
     * trap premise failed fails the scenario: its other processes measured a run that went wrong.
     */
    private static final class Processes {
        private final String source;
        private final ScenarioKey key;
        private final List<double[]> groups = new ArrayList<>();
        private final List<Map<String, Double>> phases = new ArrayList<>();
        private long expected;
        private long observed;
        private long tagMismatches;
        private boolean counted;
        private String failed;

        Processes(String source, ScenarioKey key) {
            this.source = source;
            this.key = key;
        }

        void add(long fork, double[] nsPerOp, Traps traps, Map<String, Double> processPhases) {
            if (traps != null) {
                counted = true;
                expected += traps.expected();
                observed += traps.observed();
                tagMismatches += traps.tagMismatches();
                if (!traps.premiseHolds() && failed == null) {
                    failed = "premise failed in process " + fork + ": " + traps.describe();
                }
            }
            groups.add(nsPerOp);
            phases.add(processPhases);
        }

        Optional<Measurement> measurement() {
            if (failed != null) {
                return Optional.empty();
            }
            return Optional.of(new Measurement(Harness.NATIVE, source, key, GroupedSample.of(groups),
                    counted ? new Traps(expected, observed, tagMismatches) : null, meanPhases()));
        }

        NotMeasured notMeasured() {
            return new NotMeasured(Harness.NATIVE.label(), key.label(), failed);
        }

        /** Each phase's mean over the processes that timed it. */
        private Map<String, Double> meanPhases() {
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (Map<String, Double> process : phases) {
                process.forEach((phase, ns) -> {
                    double[] sum = sums.computeIfAbsent(phase, k -> new double[2]);
                    sum[0] += ns;
                    sum[1]++;
                });
            }
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((phase, sum) -> means.put(phase, sum[0] / sum[1]));
            return Collections.unmodifiableMap(means);
        }
    }

    private static void readResult(Path file, int index, JsonNode result, NativeRounds.Sizing sizing,
                                   List<Measurement> measurements,
                                   List<NotMeasured> notMeasured, Map<String, Long> opsPerRound,
                                   Map<String, Processes> forked)
            throws BadInputException {
        String where = file + " results[" + index + "]";
        ScenarioKey key = scenarioKey(result, where);
        String source = result.path("matrix").isTextual() ? result.path("matrix").asText() : Harness.NATIVE.label();

        Long fork = result.has("fork") ? JsonNumbers.requireWhole(file, "results[" + index + "]"
                + JsonNumbers.describe(result), "fork", result.path("fork"), 0,
                "the process (0, 1, ...) that measured the result") : null;
        String notRunReason = notRunReason(result);
        if (notRunReason != null) {
            // The result's own scenario keys say which cells it leaves empty; its sentence is only read.
            NotMeasured entry = new NotMeasured(Harness.NATIVE.label(), key.label(), notRunReason,
                    Optional.of(new NotMeasured.Keys(Harness.NATIVE.label(), List.of(source),
                            Map.of(Scenario.NOTIFY, key.scenario().notifyMode(),
                                    Scenario.TRAP_EVERY, String.valueOf(key.scenario().trapEvery())))));
            if (!notMeasured.contains(entry)) { // each process of a scenario says the same
                notMeasured.add(entry);
            }
            return;
        }
        JsonNode rounds = result.path("nsPerOp");
        if (!rounds.isArray() || rounds.isEmpty()) {
            notMeasured.add(new NotMeasured(Harness.NATIVE.label(), key.label(), "no nsPerOp figures in native.json"));
            return;
        }
        double[] nsPerOp = JsonNumbers.positiveFigures(where, result, "nsPerOp", "");
        Traps traps = null;
        if (result.path("traps").isObject()) {
            JsonNode counts = result.path("traps");
            traps = new Traps(counts.path("expected").asLong(), counts.path("observed").asLong(),
                    counts.path("tagMismatches").asLong());
            if (!traps.premiseHolds() && fork == null) {
                notMeasured.add(new NotMeasured(Harness.NATIVE.label(), key.label(), "premise failed: " + traps.describe()));
                return;
            }
        }
        if (!result.has("opsPerRound") && sizing == NativeRounds.Sizing.TIME) {
            // A time-sized round's op count is the scenario's own: without it the ratio's op counts are unknown.
            throw new BadInputException(where + JsonNumbers.describe(result) + ", field opsPerRound: missing in a file "
                    + "whose settings.roundSizing is \"time\"; expected the ops of each measured round of the scenario, "
                    + "per thread (a whole number of at least 1)");
        }
        if (result.has("opsPerRound")) {
            opsPerRound.putIfAbsent(NativeRounds.key(source, key), JsonNumbers.requireWhole(file, "results[" + index + "]"
                    + JsonNumbers.describe(result), "opsPerRound", result.path("opsPerRound"), 1,
                    "the ops of each measured round of the scenario, per thread"));
        }
        if (fork != null) {
            // native.json format 2: the scenario's processes are gathered, each one a group of its rounds.
            forked.computeIfAbsent(NativeRounds.key(source, key), k -> new Processes(source, key))
                    .add(fork, nsPerOp, traps, phases(result.path("phasesNs")));
            return;
        }
        // One harness process wrote every round of the file (format 1): the rounds are the groups, the
        // process count is 1, so their interval is a within-process one (Estimate#fewProcesses).
        measurements.add(new Measurement(Harness.NATIVE, source, key, GroupedSample.ofSingles(nsPerOp), traps,
                phases(result.path("phasesNs"))));
    }

    /**
     * The docs/design.md keys of a native result (native.json's, round-size.json's); an absent key takes
     * its headline value.
     *
     * @param where names the entry for the error message, e.g. "RUN/native.json results[3]"
     */
    static ScenarioKey scenarioKey(JsonNode result, String where) throws BadInputException {
        if (!result.isObject() || !result.path(Scenario.STRATEGY).isTextual()) {
            throw new BadInputException(where + ": no 'strategy'; every result names its scenario with the "
                    + "docs/design.md keys (strategy, trapEvery, notify, pages, bpType, bpLen, threads, slots)");
        }
        Map<String, String> values = new HashMap<>();
        for (String key : Scenario.KEYS) {
            JsonNode value = result.path(key);
            if (value.isValueNode() && !value.isNull()) {
                values.put(key, value.asText());
            }
        }
        return new ScenarioKey(result.path(Scenario.STRATEGY).asText(), Scenario.fromValues(values, where));
    }

    private static String notRunReason(JsonNode result) {
        if (result.hasNonNull("notRun")) {
            JsonNode notRun = result.path("notRun");
            return notRun.isTextual() ? notRun.asText() : notRun.path("why").asText(notRun.toString());
        }
        JsonNode status = result.path("status");
        if (status.isTextual() && !"ok".equalsIgnoreCase(status.asText())) {
            return status.asText() + (result.hasNonNull("reason") ? ": " + result.path("reason").asText() : "");
        }
        return null;
    }

    /** A phase is a number (mean ns) or an array of per-round figures (averaged). */
    private static Map<String, Double> phases(JsonNode node) {
        if (!node.isObject()) {
            return Map.of();
        }
        Map<String, Double> phases = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                phases.put(field.getKey(), value.asDouble());
            } else if (value.isArray() && !value.isEmpty()) {
                double sum = 0;
                for (JsonNode item : value) {
                    sum += item.asDouble();
                }
                phases.put(field.getKey(), sum / value.size());
            }
        }
        return Collections.unmodifiableMap(phases);
    }
}
