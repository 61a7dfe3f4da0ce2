package dev.rearm.analysis.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks the numbers of a parsed run file before any loader reads them: a NaN or an infinity
 * anywhere (JSON has neither, but a harness that prints them with printf writes them anyway), and
 * in the native harness's results a negative time, count or duration (every number there is one),
 * are refused with one line naming the file, the entry (its scenario) and the field.
 */
final class JsonNumbers {
    private JsonNumbers() {
    }

    /** @throws BadInputException at the first NaN or infinity in {@code root} */
    static void requireFinite(Path file, JsonNode root) throws BadInputException {
        walk(file, root, root, "", false);
    }

    /** @throws BadInputException at the first negative number in the top-level field {@code name} of {@code root} */
    static void requireNonNegative(Path file, JsonNode root, String name) throws BadInputException {
        walk(file, root, root.path(name), name, true);
    }

    private static void walk(Path file, JsonNode root, JsonNode node, String field, boolean nonNegative)
            throws BadInputException {
        if (node.isNumber()) {
            double value = node.asDouble();
            if (!Double.isFinite(value)) {
                throw new BadInputException(file + where(root, field) + ": " + node.asText()
                        + " is not a number JSON allows; expected a finite number");
            }
            if (nonNegative && value < 0) {
                throw new BadInputException(file + where(root, field) + ": " + node.asText()
                        + " is negative; expected a time, count or duration >= 0");
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(file, root, node.get(i), field + "[" + i + "]", nonNegative);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> child = fields.next();
                walk(file, root, child.getValue(), field.isEmpty() ? child.getKey() : field + "." + child.getKey(),
                        nonNegative);
            }
        }
    }

    /**
     * " results[3] (strategy=reopen trapEvery=0 ...), field phasesNs.open" for a field inside an
     * entry of a list (native.json's results, jmh.json's top level), else " field x.y".
     */
    private static String where(JsonNode root, String field) {
        String listName = root.isArray() ? "" : field.contains("[") ? field.substring(0, field.indexOf('[')) : null;
        JsonNode list = listName == null ? null : listName.isEmpty() ? root : root.path(listName);
        if (list != null && list.isArray() && field.startsWith(listName + "[")) {
            int close = field.indexOf(']', listName.length());
            int index = Integer.parseInt(field.substring(listName.length() + 1, close));
            String rest = field.substring(close + 1).replaceFirst("^\\.", "");
            String entry = listName.isEmpty() ? "entry " + index : listName + "[" + index + "]";
            return " " + entry + describe(list.get(index)) + ", field " + (rest.isEmpty() ? "(the entry itself)" : rest);
        }
        return " field " + field;
    }

    /**
     * @throws BadInputException unless {@code value} is a whole number of at least {@code least}; the message
     *                           names the file, {@code where} (the entry and its scenario) and {@code field}
     */
    static long requireWhole(Path file, String where, String field, JsonNode value, long least, String meaning)
            throws BadInputException {
        if (!value.isNumber() || value.asDouble() != Math.rint(value.asDouble()) || value.asDouble() < least) {
            throw new BadInputException(file + " " + where + ", field " + field + ": " + value + " is not a whole "
                    + "number of at least " + least + "; expected " + meaning);
        }
        return value.asLong();
    }

    /**
     * The entry's per-round figures under {@code key}: a non-empty array of positive numbers (finite:
     * {@link JsonInput#read} has refused a NaN or an infinity anywhere in the file already).
     *
     * @param where names the file and the entry for the error message
     * @param unit  what a figure is, after "expected a positive number" (e.g. " of ns per op"), or ""
     */
    static double[] positiveFigures(String where, JsonNode entry, String key, String unit) throws BadInputException {
        JsonNode values = entry.path(key);
        if (!values.isArray() || values.isEmpty()) {
            throw new BadInputException(where + ": no '" + key + "' array; expected one figure per measured round");
        }
        double[] figures = new double[values.size()];
        for (int i = 0; i < figures.length; i++) {
            JsonNode value = values.get(i);
            if (!value.isNumber() || !(value.asDouble() > 0)) {
                throw new BadInputException(where + ": " + key + "[" + i + "] is '" + value
                        + "', expected a positive number" + unit);
            }
            figures[i] = value.asDouble();
        }
        return figures;
    }

    /** The entry's scenario: JMH's benchmark and params, or docs/design.md's keys (and a profiler entry's workload). */
    static String describe(JsonNode entry) {
        List<String> parts = new ArrayList<>();
        if (entry.path("benchmark").isTextual()) {
            parts.add(entry.path("benchmark").asText());
            Iterator<Map.Entry<String, JsonNode>> params = entry.path("params").fields();
            while (params.hasNext()) {
                Map.Entry<String, JsonNode> param = params.next();
                parts.add(param.getKey() + "=" + param.getValue().asText());
            }
        } else {
            List<String> keys = new ArrayList<>(List.of(Scenario.STRATEGY, ProfilerLoader.KEY, "rate"));
            keys.addAll(Scenario.KEYS);
            for (String key : keys) {
                if (entry.path(key).isValueNode()) {
                    parts.add(key + "=" + entry.path(key).asText());
                }
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join(" ", parts) + ")";
    }
}
