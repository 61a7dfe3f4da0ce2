package dev.rearm.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The recorded run under src/test/resources/runs/fixture (see its README: jmh.json is real JMH
 * 1.37 output, native.json is hand-made) and copies of it for tests that change files, and the
 * profiler runs beside it (profiler-handmade, profiler-recorded).
 */
public final class Fixtures {
    public static final List<String> FILES = List.of("env.json", "native.json", "jmh.json", "run.json");

    private Fixtures() {
    }

    /** The fixture folder itself (read-only use). */
    public static Path run() {
        try {
            return Path.of(Fixtures.class.getResource("/runs/fixture/native.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another stored run folder under src/test/resources/runs, e.g. "profiler-handmade" (read-only use). */
    public static Path run(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/runs/" + name + "/native.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the fixture's files (those named) in a fresh folder under {@code parent}. */
    public static Path copy(Path parent, String name, String... files) {
        try {
            Path dir = Files.createDirectories(parent.resolve(name));
            for (String file : files) {
                try (InputStream in = Fixtures.class.getResourceAsStream("/runs/fixture/" + file)) {
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of every fixture file. */
    public static Path copyAll(Path parent, String name) {
        return copy(parent, name, FILES.toArray(String[]::new));
    }

    /** Adds top-level keys to a copied run's run.json, e.g. {@code "\"jmh\": {\"binding\": \"jna\"}"}. */
    public static void addToRunJson(Path runDir, String keys) {
        try {
            Path runJson = runDir.resolve("run.json");
            Files.writeString(runJson, Files.readString(runJson).replaceFirst("\\{", "{" + keys + ", "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
