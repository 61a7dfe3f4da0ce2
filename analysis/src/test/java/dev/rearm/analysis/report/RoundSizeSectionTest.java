package dev.rearm.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.Analyzer;
import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.report.doc.MarkdownRenderer;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's round-size section, settings line and ops/round column, composed without charts. */
class RoundSizeSectionTest {
    private static final Path PUBLISHED = Path.of("..", "results", "reference", "2026-11-26-amd-epyc-6.18.44");

    @TempDir
    Path tmp;

    @Test
    void aRunWithRoundSizeFiguresGetsTheTableAndTheReasonItMatters() throws Exception {
        Path run = Fixtures.copyAll(tmp, "run");
        Files.writeString(run.resolve("round-size.json"), """
                {"schema": "rearm.round-size/1", "settings": {"sizes": [2000, 10000], "rounds": 4, "warmup": 1},
                 "results": [{"strategy": "modify", "trapEvery": 0, "notify": "signal", "pages": 1, "bpType": "RW",
                   "bpLen": 1, "threads": 1, "slots": 1,
                   "bySize": [{"opsPerRound": 2000, "nsPerOp": [2100, 2102, 2098, 2100]},
                              {"opsPerRound": 10000, "nsPerOp": [2000, 2001, 1999, 2000]}]}]}
                """);

        String sameOps = Files.readString(run.resolve("native.json")).replaceFirst("\"harness\": \"native\",",
                "\"harness\": \"native\", \"settings\": {\"roundSizing\": \"fixed\", \"iterations\": 2000},");
        Files.writeString(run.resolve("native.json"), sameOps);

        String markdown = markdown(run);

        assertThat(markdown).contains("## " + RoundSizeSection.TITLE).contains(RoundSizeSection.WHY)
                .contains("| headline | modify | 2000 / 10000 | 2.10 µs | 2.00 µs | 1.05x [")
                .contains("| **differs: 1.05x [").contains(RoundSizeSection.VERDICT_RULE);
        assertThat(markdown).as("both strategies ran 2000 ops a round: the ratio owes nothing to op counts")
                .doesNotContain("Caveat: per-op figures moved with the round size here");

        Files.writeString(run.resolve("native.json"), sameOps.replaceFirst("\"strategy\": \"reopen\",",
                "\"strategy\": \"reopen\", \"opsPerRound\": 500,"));
        assertThat(markdown(run)).as("the headline's reopen ran 500 ops a round, its modify 2000: the row carries the caveat")
                .contains("Caveat: per-op figures moved with the round size here")
                .contains("this row's reopen ran 500 ops per round and its modify 2000");
    }

    @Test
    void aRunWithoutTheFileSaysNotRunAndWhyFromRunJson() throws Exception {
        Path run = Fixtures.copyAll(tmp, "run");
        Files.writeString(run.resolve("run.json"), Files.readString(run.resolve("run.json")).replaceFirst("\"notRun\": \\[",
                "\"notRun\": [{\"what\": \"native round-size\", \"why\": \"no trap is counted here\"}, "));

        assertThat(markdown(run)).contains("## " + RoundSizeSection.TITLE)
                .contains("*Not measured:* not run: no trap is counted here.")
                .doesNotContain("Caveat: per-op figures moved");
    }

    @Test
    void thePublishedRunSaysNotRunItsFixedRoundsAndEachScenariosOpsPerRound() throws Exception {
        Path in = Files.createDirectory(tmp.resolve("published"));
        for (String raw : List.of("env.json", "native.json", "jmh.json", "run.json")) {
            Files.copy(PUBLISHED.resolve(raw), in.resolve(raw));
        }

        String markdown = markdown(in);

        assertThat(markdown).contains("*Not measured:* not run.").contains("Native rounds: fixed 2000 ops per round.")
                .contains("| ops/round (native) |");
        assertThat(markdown.lines().filter(line -> line.startsWith("| native | native | headline |")))
                .singleElement().asString().endsWith("| 2000 |");
        assertThat(markdown.lines().filter(line -> line.startsWith("| jmh | HeadlineBenchmark | headline |")))
                .singleElement().asString().endsWith("| — |");
    }

    @Test
    void aTimeSizedRunShowsEachStrategysOwnOpCount() throws Exception {
        Path run = Fixtures.copy(tmp, "timed", "env.json");
        Files.writeString(run.resolve("native.json"), """
                {"harness": "native", "settings": {"roundSizing": "time", "roundMs": 50, "minOps": 100},
                 "results": [
                  {"matrix": "headline", "strategy": "reopen", "nsPerOp": [19000, 19100, 19050], "opsPerRound": 2600},
                  {"matrix": "headline", "strategy": "modify", "nsPerOp": [2000, 2010, 2005], "opsPerRound": 24900}]}
                """);

        String markdown = markdown(run);

        assertThat(markdown).contains("Native rounds: rounds sized by time: ~50 ms each (floor 100 ops).");
        assertThat(markdown.lines().filter(line -> line.startsWith("| native | headline | headline |")))
                .singleElement().asString().endsWith("| 2600 / 24900 |");
    }

    private static String markdown(Path run) throws Exception {
        Analysis analysis = new Analyzer(new HierarchicalBootstrap(1, 1_000)).analyze(RunLoader.load(run), Optional.empty());
        return MarkdownRenderer.render(ReportComposer.compose(analysis, new ChartSet(List.of(), List.of()),
                Instant.parse("2026-01-01T00:00:00Z")));
    }
}
