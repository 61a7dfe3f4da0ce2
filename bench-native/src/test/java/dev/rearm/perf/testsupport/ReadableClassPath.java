package dev.rearm.perf.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * This JVM's class path copied where any user can read it, for a child run as another user
 * ({@code runuser -u nobody}): root's Maven repository is usually closed to others (700).
 */
public final class ReadableClassPath {
    private ReadableClassPath() {
    }

    /** Copies every existing class path entry into {@code folder}; returns the copies as a class path. */
    public static String copyInto(Path folder) throws IOException {
        List<String> entries = new ArrayList<>();
        String[] original = System.getProperty("java.class.path").split(File.pathSeparator);
        for (int i = 0; i < original.length; i++) {
            Path source = Path.of(original[i]);
            if (!Files.exists(source)) {
                continue;
            }
            // Numbered: two entries may share a file name (two jars of one name, two classes folders).
            Path target = folder.resolve(i + "-" + source.getFileName());
            try (Stream<Path> tree = Files.walk(source)) {
                tree.forEach(path -> copy(path, target.resolve(source.relativize(path).toString())));
            }
            entries.add(target.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The JVM option that points a child at a copy of the independent watchpoint check in
     * {@code folder}, runnable by any user (the build's copy may sit under a folder only root can enter).
     */
    public static String watchpointCheckOption(Path folder) throws IOException {
        Path built = Path.of(System.getProperty(IndependentWatchpointCheck.BINARY_PROPERTY));
        Path copy = folder.resolve(built.getFileName().toString());
        copy(built, copy);
        return "-D" + IndependentWatchpointCheck.BINARY_PROPERTY + "=" + copy;
    }

    /** Readable by all; folders and executables also runnable by all. */
    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(
                    Files.isDirectory(to) || Files.isExecutable(from) ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
