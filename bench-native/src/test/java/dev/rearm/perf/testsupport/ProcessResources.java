package dev.rearm.perf.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * This process's open fds and memory mappings, in total and those belonging to perf events (an
 * fd linked to, or a mapping of, {@code anon_inode:[perf_event]}). Leak checks compare the perf
 * ones and the fds; the total mapping count is the JVM's to move (InProcessLeakCheck says why).
 */
public record ProcessResources(List<String> fdTargets, List<String> mapLines) {
    private static final String PERF_INODE = "anon_inode:[perf_event]";
    private static final Path FD_DIR = Path.of("/proc/self/fd");
    private static final Path MAPS = Path.of("/proc/self/maps");

    public static ProcessResources now() {
        try {
            List<String> targets;
            try (Stream<Path> fds = Files.list(FD_DIR)) {
                targets = fds.map(ProcessResources::target).toList();
            }
            return new ProcessResources(targets, Files.readAllLines(MAPS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int fds() {
        return fdTargets.size();
    }

    public int perfFds() {
        return (int) fdTargets.stream().filter(PERF_INODE::equals).count();
    }

    public int perfMappings() {
        return (int) mapLines.stream().filter(line -> line.endsWith(PERF_INODE)).count();
    }

    /** The fds {@code later} has that this snapshot has not, and the reverse: for failure messages. */
    public String fdDifferenceTo(ProcessResources later) {
        return "added fds " + minus(later.fdTargets, fdTargets) + ", removed fds " + minus(fdTargets, later.fdTargets);
    }

    private static List<String> minus(List<String> from, List<String> remove) {
        List<String> rest = new ArrayList<>(from);
        remove.forEach(rest::remove);
        return rest;
    }

    /** The fd's link target; "" for the directory stream's own fd, gone by the time it is read. */
    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
