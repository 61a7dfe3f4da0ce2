package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The C harness's floor plan (issue 19), read from its sources: the commands stand side by side
 * over core/, each in its own folder, none reaching into another's; the profiler moves its
 * watchpoints through core/strategy.c, the code perfbp-bench moves times; notify=signal's counter
 * has one source, libperfbp's; and no file mixes so many jobs that it passes 400 lines.
 */
class HarnessSourceLayoutTest {
    private static final Path SOURCES = Path.of("src", "main", "c");
    private static final Set<String> COMMANDS = Set.of("moves", "profiler", "roundsize", "anatomy");
    private static final Pattern INCLUDE = Pattern.compile("^#include \"([^\"]+)\"", Pattern.MULTILINE);
    private static final int MOST_LINES = 400;

    @Test
    void noCommandFolderIncludesAnotherCommandsHeaderAndCoreIncludesNone() {
        List<String> crossings = new ArrayList<>();
        for (Path file : sources()) {
            String folder = folderOf(file);
            Matcher include = INCLUDE.matcher(read(file));
            while (include.find()) {
                String target = folderOf(file.resolveSibling(include.group(1)).normalize());
                boolean intoACommand = COMMANDS.contains(target) && !target.equals(folder);
                if (intoACommand && (COMMANDS.contains(folder) || folder.equals("core"))) {
                    crossings.add(SOURCES.relativize(file) + " includes " + include.group(1));
                }
            }
        }
        assertThat(crossings).isEmpty();
    }

    @Test
    void noCFileIsLongerThan400Lines() {
        List<String> long_ = new ArrayList<>();
        for (Path file : sources()) {
            long lines = read(file).lines().count();
            if (lines > MOST_LINES) {
                long_.add(SOURCES.relativize(file) + ": " + lines + " lines");
            }
        }
        assertThat(long_).isEmpty();
    }

    @Test
    void theProfilerOpensMovesAndClosesNoPerfEventOfItsOwnOnlyItsSamplerSwitch() {
        List<String> ownCalls = new ArrayList<>();
        Pattern perfCall = Pattern.compile("perf_event_open|\\bmmap\\(|\\bmunmap\\(|\\bfcntl\\(|MODIFY_ATTRIBUTES|"
                + "ioctl\\((?!t->sampler\\.fd)");
        for (Path file : sources()) {
            if (!folderOf(file).equals("profiler")) {
                continue;
            }
            Matcher call = perfCall.matcher(withoutComments(read(file)));
            while (call.find()) {
                ownCalls.add(SOURCES.relativize(file) + ": " + call.group());
            }
        }
        assertThat(ownCalls).as("perf calls the profiler makes itself instead of through core/strategy.c")
                .isEmpty();
    }

    @Test
    void theSignalCounterHasOneSourceBuiltIntoTheHarnessAndTheLibrary() throws IOException {
        List<Path> counters;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            counters = files.filter(f -> f.getFileName().toString().equals("trap_signal.c")).toList();
        }
        assertThat(counters).containsExactly(SOURCES.resolve("libperfbp").resolve("trap_signal.c"));
        assertThat(read(SOURCES.resolve("Makefile"))).containsPattern("SHARED_SRC := .*libperfbp/trap_signal\\.c")
                .containsPattern("BENCH_SRC := .*\\$\\(SHARED_SRC\\)");
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".c") || f.toString().endsWith(".h")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder under src/main/c a file is in ("" at the top). */
    private static String folderOf(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
    }

    /** The code alone: comments and string literals (help text and refusals name these calls) left out. */
    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "")
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
