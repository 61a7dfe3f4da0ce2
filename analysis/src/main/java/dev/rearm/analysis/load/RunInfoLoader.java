package dev.rearm.analysis.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the optional run.json (see {@link RunInfo} for its shape). */
final class RunInfoLoader {
    static final String FILE = "run.json";
    private static final String EXPECTED = "an object with optional keys command, profile, startedAt, "
            + "finishedAt, measuredAt, gitCommit, host, notes[], notRun[{what, why, harness, commands[], scenario{}}], jmh{binding}";

    private RunInfoLoader() {
    }

    static RunInfo load(Path runDir) throws BadInputException {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) {
            return RunInfo.unknown("no " + FILE + " in the run folder");
        }
        JsonNode root = JsonInput.read(file, EXPECTED);
        if (!root.isObject()) {
            throw new BadInputException(file + ": not a JSON object; expected " + EXPECTED);
        }
        List<String> notes = new ArrayList<>();
        for (JsonNode note : root.path("notes")) {
            notes.add(note.asText());
        }
        List<NotMeasured> notRun = new ArrayList<>();
        for (JsonNode entry : root.path("notRun")) {
            notRun.add(new NotMeasured("run", entry.path("what").asText("?"), entry.path("why").asText("no reason given"),
                    keys(entry)));
        }
        return new RunInfo(FILE, text(root, "command"), text(root, "profile"), text(root, "startedAt"),
                firstText(root, "measuredAt", "finishedAt"), gitCommit(root), text(root, "host"), List.copyOf(notes),
                List.copyOf(notRun), firstNonNull(text(root.path("jmh"), "binding"), text(root, "binding")));
    }

    /**
     * An entry's keys (run.json format 2), or empty for an entry with only its sentences (format 1),
     * which readers then match by wording.
     */
    private static Optional<NotMeasured.Keys> keys(JsonNode entry) {
        if (!entry.path("harness").isTextual()) {
            return Optional.empty();
        }
        List<String> commands = new ArrayList<>();
        entry.path("commands").forEach(command -> commands.add(command.asText()));
        Map<String, String> scenario = new LinkedHashMap<>();
        entry.path("scenario").fields().forEachRemaining(field -> scenario.put(field.getKey(), field.getValue().asText()));
        return Optional.of(new NotMeasured.Keys(entry.path("harness").asText(), commands, scenario));
    }

    /** The pipeline writes git as {"commit": sha, "dirty": bool}; hand-made files may use "gitCommit". */
    private static String gitCommit(JsonNode root) {
        String flat = text(root, "gitCommit");
        if (flat != null) {
            return flat;
        }
        String commit = text(root.path("git"), "commit");
        if (commit == null) {
            return null;
        }
        return root.path("git").path("dirty").asBoolean(false) ? commit + " (with uncommitted changes)" : commit;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String firstText(JsonNode node, String... keys) {
        for (String key : keys) {
            String value = text(node, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
