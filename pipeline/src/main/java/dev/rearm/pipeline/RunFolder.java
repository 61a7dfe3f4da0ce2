package dev.rearm.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run writes into a fresh staging folder beside its target and is renamed into place only
 * when complete, so a failed or interrupted run never damages the previous results.
 *
 * <p>The stage is a hidden sibling ({@code results/.latest-20250101-120000-123/} for
 * {@code results/latest}): the same file system, so publishing is a rename, not a copy.
 * Publishing over an earlier run swaps the two folders in one {@code renameat2(RENAME_EXCHANGE)}
 * and only then deletes the old one; where the file system cannot exchange, the old folder is
 * first renamed aside, and put back if the second rename fails.
 */
public final class RunFolder {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final DirectoryExchange exchange;
    private final Clock clock;

    public RunFolder() {
        this(DirectoryExchange.kernel(), Clock.systemUTC());
    }

    RunFolder(DirectoryExchange exchange, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
    }

    /** Creates a new, empty stage beside {@code target}; never reuses a folder that exists. */
    public Path stage(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            String base = "." + absolute.getFileName() + "-" + STAMP.format(clock.instant());
            for (int attempt = 0; ; attempt++) {
                Path stage = parent.resolve(attempt == 0 ? base : base + "-" + attempt);
                try {
                    return Files.createDirectory(stage);
                } catch (FileAlreadyExistsException e) {
                    // a run started in the same millisecond: take the next name
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code stage} the new {@code target}. Afterwards {@code target} holds exactly the
     * stage's files and the stage path no longer exists; the previous target's files are gone.
     */
    public void publish(Path stage, Path target) {
        Path from = stage.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("nothing to publish: " + from + " is not a folder");
        }
        if (!from.getParent().equals(to.getParent())) {
            throw new IllegalArgumentException("stage " + from + " is not beside " + to + ": a rename would not be atomic");
        }
        try {
            if (!Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(to + " exists and is not a folder; refusing to replace it");
            }
            if (exchange.exchange(from, to)) {
                deleteTree(from); // now holds the previous run
            } else {
                replaceInTwoRenames(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + from + " as " + to + ": " + e.getMessage(), e);
        }
    }

    private void replaceInTwoRenames(Path from, Path to) throws IOException {
        Path previous = to.resolveSibling("." + to.getFileName() + "-previous-" + STAMP.format(clock.instant()));
        Files.move(to, previous, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(previous, to, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(previous);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
