package dev.rearm.analysis.published;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.cli.AnalysisCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published report is what analysis.jar makes of its raw files today, byte for byte but for
 * its "generated" line: a change to the analysis that moves a published figure or sentence fails
 * here until the published reports are regenerated (results/README.md says how). A published
 * comparison (a folder's {@code vs-<run>/}) is remade with {@code --baseline} that run.
 */
class PublishedReportsReproduceTest {
    private static final Path REFERENCE = Path.of("..", "results", "reference");
    private static final String RAW_FILES = "env.json native.json jmh.json round-size.json run.json";

    /** Each published report: its folder, the raw files' folder, and the baseline run's folder (or null). */
    static Stream<List<Path>> reports() throws IOException {
        List<List<Path>> reports = new ArrayList<>();
        try (Stream<Path> runs = Files.list(REFERENCE)) {
            for (Path run : runs.filter(Files::isDirectory).sorted().toList()) {
                reports.add(java.util.Arrays.asList(run, run, null));
                try (Stream<Path> inside = Files.list(run)) {
                    for (Path comparison : inside.filter(p -> p.getFileName().toString().startsWith("vs-")).toList()) {
                        Path baseline = REFERENCE.resolve(comparison.getFileName().toString().substring(3));
                        reports.add(java.util.Arrays.asList(comparison, run, baseline));
                    }
                }
            }
        }
        return reports.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void thePublishedReportIsWhatTheAnalysisMakesOfItsRawFilesToday(List<Path> report, @TempDir Path tmp)
            throws IOException {
        Path published = report.get(0);
        Path in = copyRawFiles(report.get(1), tmp.resolve("in"));
        List<String> args = new ArrayList<>(List.of("--in", in.toString(), "--out", tmp.resolve("out").toString()));
        if (report.get(2) != null) {
            assertThat(report.get(2)).as("the run %s compares against", published).isDirectory();
            args.addAll(List.of("--baseline", copyRawFiles(report.get(2),
                    tmp.resolve(report.get(2).getFileName().toString())).toString()));
        }
        StringWriter err = new StringWriter();
        int exit = AnalysisCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(withoutGeneratedLine(tmp.resolve("out").resolve("report.md")))
                .as("%s/report.md regenerated from its raw files", published)
                .isEqualTo(withoutGeneratedLine(published.resolve("report.md")));
    }

    /** The raw files only, into a folder of their own, as a reader would pass them. */
    private static Path copyRawFiles(Path run, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : RAW_FILES.split(" ")) {
            if (Files.exists(run.resolve(name))) {
                Files.copy(run.resolve(name), to.resolve(name));
            }
        }
        return to;
    }

    /** Without the time it was generated, and naming the baseline by its run folder's name, as the script passes it. */
    private static List<String> withoutGeneratedLine(Path report) throws IOException {
        return Files.readAllLines(report).stream().map(line -> line.replaceFirst(" generated \\S+ by ", " generated … by ")
                .replaceFirst("^Baseline: `[^`]*/([^`/]+)`", "Baseline: `$1`")).toList();
    }
}
