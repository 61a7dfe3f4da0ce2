package dev.rearm.analysis.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.analysis.stats.GroupedSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads round-size.json ({@code perfbp-bench round-size}), strict like the other loaders: a file
 * that is there must be whole, every figure usable, or the load fails with one line naming the
 * file, the entry (its scenario) and the field. A run without the file has no round-size data.
 */
public final class RoundSizeLoader {
    static final String SCHEMA = "rearm.round-size/1";
    static final String EXPECTED = "the round-size check's results: {\"schema\": \"" + SCHEMA + "\", \"settings\": "
            + "{\"sizes\": [...]}, \"results\": [{strategy, trapEvery, ..., \"bySize\": [{\"opsPerRound\": N, "
            + "\"nsPerOp\": [...]}]}]}";

    private RoundSizeLoader() {
    }

    public static RoundSizeData read(Path runDir) throws BadInputException {
        Path file = runDir.resolve(RoundSizeData.FILE);
        if (!Files.exists(file)) {
            return RoundSizeData.absent();
        }
        JsonNode root = JsonInput.read(file, EXPECTED);
        if (!root.isObject() || !SCHEMA.equals(root.path("schema").asText(null))) {
            throw new BadInputException(file + ": schema is " + root.path("schema") + ", not \"" + SCHEMA + "\"; expected "
                    + EXPECTED);
        }
        if (!root.path("results").isArray()) {
            throw new BadInputException(file + ": no 'results' array; expected " + EXPECTED);
        }
        JsonNumbers.requireNonNegative(file, root, "results");
        List<Long> sizes = new ArrayList<>();
        JsonNode settingsSizes = root.path("settings").path("sizes");
        for (int i = 0; i < settingsSizes.size(); i++) {
            sizes.add(JsonNumbers.requireWhole(file, "settings", "sizes[" + i + "]", settingsSizes.get(i), 1,
                    "ops per round"));
        }
        List<RoundSizeData.SizedScenario> scenarios = new ArrayList<>();
        JsonNode results = root.path("results");
        for (int i = 0; i < results.size(); i++) {
            scenarios.add(scenario(file, i, results.get(i), sizes));
        }
        return new RoundSizeData(true, sizes, scenarios);
    }

    /** @param settingsSizes the sizes the file says it ran; every scenario must have each once, and no other */
    private static RoundSizeData.SizedScenario scenario(Path file, int index, JsonNode result, List<Long> settingsSizes)
            throws BadInputException {
        String where = "results[" + index + "]" + JsonNumbers.describe(result);
        ScenarioKey key = NativeLoader.scenarioKey(result, file + " " + where);
        JsonNode bySize = result.path("bySize");
        if (!bySize.isArray() || bySize.isEmpty()) {
            throw new BadInputException(file + " " + where + ", field bySize: " + bySize + " is not a list of sizes; "
                    + "expected [{\"opsPerRound\": N, \"nsPerOp\": [one figure per round]}, ...]");
        }
        List<RoundSizeData.AtSize> sizes = new ArrayList<>();
        for (int s = 0; s < bySize.size(); s++) {
            JsonNode size = bySize.get(s);
            String field = "bySize[" + s + "]";
            long ops = JsonNumbers.requireWhole(file, where, field + ".opsPerRound", size.path("opsPerRound"), 1,
                    "the ops of each round at this size");
            for (int earlier = 0; earlier < sizes.size(); earlier++) {
                if (sizes.get(earlier).opsPerRound() == ops) {
                    // Two entries of one size would be compared as small against large: a ratio of one size to itself.
                    throw new BadInputException(file + " " + where + ", field " + field + ".opsPerRound: " + ops
                            + " repeats bySize[" + earlier + "]'s; expected each size once" + sizesExpected(settingsSizes));
                }
            }
            sizes.add(new RoundSizeData.AtSize(ops, figures(file, where, field + ".nsPerOp", size.path("nsPerOp"))));
        }
        List<Long> measured = sizes.stream().map(RoundSizeData.AtSize::opsPerRound).sorted().toList();
        if (!settingsSizes.isEmpty() && !measured.equals(settingsSizes.stream().sorted().toList())) {
            throw new BadInputException(file + " " + where + ", field bySize: its opsPerRound " + measured
                    + " are not the file's settings.sizes " + settingsSizes + "; expected each size once"
                    + sizesExpected(settingsSizes));
        }
        JsonNode checks = result.path("liveness").path("checks");
        long livenessChecks = checks.isMissingNode() ? 0
                : JsonNumbers.requireWhole(file, where, "liveness.checks", checks, 0, "a count of liveness checks");
        return new RoundSizeData.SizedScenario(key, sizes, livenessChecks);
    }

    private static String sizesExpected(List<Long> settingsSizes) {
        return settingsSizes.isEmpty() ? "" : ", those of settings.sizes " + settingsSizes;
    }

    private static GroupedSample figures(Path file, String where, String field, JsonNode values)
            throws BadInputException {
        if (!values.isArray() || values.isEmpty()) {
            throw new BadInputException(file + " " + where + ", field " + field + ": " + values + " is not a list of "
                    + "figures; expected one positive ns per op per round");
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode value = values.get(i);
            if (!value.isNumber() || !(value.asDouble() > 0)) {
                throw new BadInputException(file + " " + where + ", field " + field + "[" + i + "]: " + value
                        + " is not a positive number; expected ns per op of one round");
            }
            out[i] = value.asDouble();
        }
        return GroupedSample.ofSingles(out);
    }
}
