package dev.rearm.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.IntFunction;

/** Reading, merging and atomically writing the run's JSON files. */
final class JsonFiles {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** JMH writes one JSON array per run; the run's jmh.json is all of them, in order. */
    static ArrayNode concatArrays(List<Path> parts) {
        ArrayNode all = MAPPER.createArrayNode();
        for (Path part : parts) {
            JsonNode array = read(part);
            if (!array.isArray()) {
                throw new IllegalStateException(part + " is not a JMH result array");
            }
            all.addAll((ArrayNode) array);
        }
        return all;
    }

    /**
     * native.json files of several matrices as one: the first file's fields (harness, env ...)
     * with every file's {@code results} in order, and the fields only a later file has (the
     * profiler matrix's "profiler" block). {@code settings} (the round size) comes from the first
     * file with a move result: a profiler part's settings size no move round, so a profile that
     * lists the profiler first would otherwise state a round size no round ran.
     */
    static ObjectNode mergeNative(List<Path> parts) {
        return mergeNative(parts, partIndex -> null);
    }

    /**
     * As {@link #mergeNative(List)}, and each result of part i gets {@code "fork": forkOf(i)} (the
     * process of its matrix that measured it) where that is not null: the profiler's and the
     * anatomy's parts, one process each, stay as they are.
     */
    static ObjectNode mergeNative(List<Path> parts, IntFunction<Integer> forkOf) {
        ObjectNode merged = null;
        JsonNode movesSettings = null;
        ArrayNode results = MAPPER.createArrayNode();
        for (Path part : parts) {
            JsonNode node = read(part);
            if (!node.isObject() || !node.path("results").isArray()) {
                throw new IllegalStateException(part + " is not a native.json (an object with a results array)");
            }
            if (movesSettings == null && node.has("settings") && hasMoveResult(node.path("results"))) {
                movesSettings = node.get("settings").deepCopy();
            }
            if (merged == null) {
                merged = ((ObjectNode) node).deepCopy();
            } else {
                ObjectNode first = merged;
                node.fields().forEachRemaining(field -> {
                    if (!first.has(field.getKey())) {
                        first.set(field.getKey(), field.getValue().deepCopy());
                    }
                });
            }
            Integer fork = forkOf.apply(parts.indexOf(part));
            for (JsonNode result : node.get("results")) {
                if (fork != null && result.isObject()) {
                    ((ObjectNode) result).put("fork", fork);
                }
                results.add(result);
            }
        }
        if (merged == null) {
            throw new IllegalArgumentException("no native.json files to merge");
        }
        if (movesSettings != null) {
            merged.set("settings", movesSettings);
        }
        merged.set("results", results);
        return merged;
    }

    /** A result that moved a watchpoint: the profiler's entries are keyed by their workload instead. */
    private static boolean hasMoveResult(JsonNode results) {
        for (JsonNode result : results) {
            if (!result.has("workload")) {
                return true;
            }
        }
        return false;
    }

    /** Writes {@code value} to a temporary file beside {@code target}, then renames it into place. */
    static void writeAtomically(Path target, Object value) {
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            // Results are meant to be read (and committed) by others: not createTempFile's 0600.
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            MAPPER.writeValue(temporary.toFile(), value);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // best effort: the file was moved, or the write failed and the error above says why
                }
            }
        }
    }
}
