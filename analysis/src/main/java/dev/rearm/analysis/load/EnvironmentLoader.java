package dev.rearm.analysis.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads env.json (the probe's report) or, failing that, native.json's env block. */
final class EnvironmentLoader {
    static final String EXPECTED = "the capability probe's JSON (env.json, written by "
            + "'java -jar bench-native/target/bench-native.jar probe --json')";

    private EnvironmentLoader() {
    }

    static Environment fromFile(Path file) throws BadInputException {
        JsonNode root = JsonInput.read(file, EXPECTED);
        if (!root.isObject() || !root.has("kernel")) {
            throw new BadInputException(file + ": not the probe's JSON (no 'kernel' key at the top); expected "
                    + EXPECTED);
        }
        return fromNode(root, file.getFileName().toString());
    }

    /** Reads the same key names wherever they appear (env.json, or native.json's "env"). */
    static Environment fromNode(JsonNode root, String source) {
        List<Environment.Capability> capabilities = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isObject() && value.has("supported")) {
                capabilities.add(new Environment.Capability(field.getKey(), value.path("supported").asBoolean(),
                        value.path("reason").asText("")));
            }
        }
        List<Environment.ShapeSupport> shapes = new ArrayList<>();
        for (JsonNode shape : root.path("shapes")) {
            shapes.add(new Environment.ShapeSupport(shape.path("bpType").asText("?"), shape.path("bpLen").asInt(),
                    shape.path("supported").asBoolean(), shape.path("reason").asText("")));
        }
        JsonNode registers = root.path("debugRegisters");
        Integer registerCount = registers.isInt() ? Integer.valueOf(registers.asInt())
                : registers.has("count") ? Integer.valueOf(registers.path("count").asInt()) : null;
        return new Environment(source, text(root, "kernel"), text(root, "arch"), text(root, "cpu"),
                root.path("hypervisor").isBoolean() ? root.path("hypervisor").asBoolean() : null,
                integer(root, "nproc"), integer(root, "pageSize"), integer(root, "paranoid"),
                root.path("mlockKb").isNumber() ? root.path("mlockKb").asLong() : null,
                text(root, "user"), text(root, "jvm"), text(root, "jna"), text(root, "probedAt"),
                registerCount, List.copyOf(capabilities), List.copyOf(shapes));
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static Integer integer(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isNumber() ? Integer.valueOf(value.asInt()) : null;
    }
}
