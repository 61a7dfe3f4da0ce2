package dev.rearm.jmh.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline needs from env.json (the probe's report): whether anything can run at all,
 * and which scenarios to leave out because this machine refuses them.
 */
public record EnvFacts(int nproc, int debugRegisters, Map<String, String> refusedShapes, List<String> missing) {

    public static EnvFacts read(Path envJson) {
        try {
            return of(new ObjectMapper().readTree(envJson.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the probe's " + envJson + ": " + e.getMessage(), e);
        }
    }

    static EnvFacts of(JsonNode env) {
        List<String> missing = new ArrayList<>();
        for (String capability : List.of("breakpointPmu", "debugRegisters", "modifyAttributes", "signalDelivery")) {
            JsonNode node = env.path(capability);
            if (!node.path("supported").asBoolean(false)) {
                missing.add(capability + ": " + node.path("reason").asText("not reported by the probe"));
            }
        }
        Map<String, String> refused = new LinkedHashMap<>();
        for (JsonNode shape : env.path("shapes")) {
            if (!shape.path("supported").asBoolean(false)) {
                refused.put(shapeKey(shape.path("bpType").asText(), shape.path("bpLen").asInt()),
                        shape.path("reason").asText("refused"));
            }
        }
        return new EnvFacts(Math.max(1, env.path("nproc").asInt(1)), env.path("debugRegisters").path("count").asInt(0),
                refused, missing);
    }

    /** True when the probe found everything the headline scenario needs. */
    public boolean runnable() {
        return missing.isEmpty();
    }

    /** Null when this CPU accepts the shape (or the probe did not try it), else the kernel's refusal. */
    public String shapeRefusal(String bpType, int bpLen) {
        return refusedShapes.get(shapeKey(bpType, bpLen));
    }

    private static String shapeKey(String bpType, int bpLen) {
        return bpType + "/" + bpLen;
    }
}
