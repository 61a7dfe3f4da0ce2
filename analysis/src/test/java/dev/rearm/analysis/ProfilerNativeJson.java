package dev.rearm.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds native.json files from the hand-made profiler run (runs/profiler-handmade) for tests
 * that need it changed: take {@link #handmade()}, edit the tree, then write it as a run of its own
 * ({@link #writeRun}) or append its entries to a run that already has moves ({@link #appendTo}).
 */
public final class ProfilerNativeJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfilerNativeJson() {
    }

    /** A fresh parse of profiler-handmade's native.json: the stored file stays as it is. */
    public static ObjectNode handmade() {
        return read(Fixtures.run("profiler-handmade").resolve("native.json"));
    }

    /** {@code nativeJson} as the native.json of folder {@code dir} (created if need be); returns {@code dir}. */
    public static Path writeRun(Path dir, ObjectNode nativeJson) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve("native.json").toFile(), nativeJson);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends the results and the profiler block of {@code nativeJson} to the native.json in {@code run}. */
    public static void appendTo(Path run, ObjectNode nativeJson) {
        ObjectNode moves = read(run.resolve("native.json"));
        ((ArrayNode) moves.get("results")).addAll((ArrayNode) nativeJson.get("results"));
        moves.set("profiler", nativeJson.get("profiler"));
        writeRun(run, moves);
    }

    private static ObjectNode read(Path file) {
        try {
            return (ObjectNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
