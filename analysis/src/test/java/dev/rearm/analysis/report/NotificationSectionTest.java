package dev.rearm.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.Analyzer;
import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.chart.ReportCharts;
import dev.rearm.analysis.compare.NotificationTable;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.report.doc.Document;
import dev.rearm.analysis.report.doc.MarkdownRenderer;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/**
 * The "How a trap is notified" table, its sentence and its chart, on a hand-made run with all three
 * notify modes in both harnesses (synthetic figures shaped after docs/design.md's leads, not a
 * measurement), on the fixture run that predates sigtrap, and on a run whose pipeline left every
 * watchpoint benchmark out (a machine whose watchpoints never fire).
 */
class NotificationSectionTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void withAllThreeModesEveryCellIsMeasuredAndJmhsSigtrapRowsJoinNativesWithoutARing() throws Exception {
        Analysis analysis = analyze(allModes("all-modes"));

        NotificationTable table = NotificationTable.of(analysis.run(), analysis.comparisons());

        assertThat(table.cells()).hasSize(12).allSatisfy(cell -> assertThat(cell.comparison()).as(cell.toString())
                .isPresent());
        assertThat(table.cell(Harness.JMH, "sigtrap", 0).comparison().orElseThrow().scenario())
                .as("jmh.json says pages=1, the key says no ring").isEqualTo(Scenario.headlineWith("sigtrap", 0))
                .extracting(Scenario::pages).isEqualTo(0);
    }

    @Test
    void theSentenceIsReadFromTheFiguresWithTheRatioOfRatiosAndItsInterval() throws Exception {
        Analysis analysis = analyze(allModes("sentence"));
        NotificationTable table = NotificationTable.of(analysis.run(), analysis.comparisons());

        String report = markdown(analysis);

        assertThat(table.sigtrapEffects()).hasSize(4);
        NotificationTable.SigtrapEffect never = table.sigtrapEffects().stream()
                .filter(e -> e.harness() == Harness.NATIVE && e.trapEvery() == 0).findFirst().orElseThrow();
        // reopen 19 us / modify 2 us with signal, 6.5 us / 2 us with sigtrap: ~9.5x against ~3.25x.
        assertThat(never.signalOverSigtrap().point()).isCloseTo(19.0 / 6.5, offset(0.05));
        assertThat(report).contains("## " + NotificationSection.HEADING)
                .contains("so the speedup is " + Fmt.ratio(never.sigtrap().speedup()) + " instead of "
                        + Fmt.ratio(never.signal().speedup()))
                .contains("signal's speedup is " + Fmt.ratio(never.signalOverSigtrap())
                        + " sigtrap's, sigtrap shrinks modify's advantage");
    }

    @Test
    void theChartIsDrawnAndWrittenWhereTwoModesOrMoreWereMeasured() throws Exception {
        Analysis analysis = analyze(allModes("chart"));
        ChartSet charts = ReportCharts.build(analysis);

        ReportWriter.write(tmp.resolve("chart-out"), ReportComposer.compose(analysis, charts,
                Instant.parse("2026-01-01T00:00:00Z")), charts);

        assertThat(charts.find("notification")).isPresent();
        assertThat(tmp.resolve("chart-out/charts/notification.png")).isNotEmptyFile();
        assertThat(tmp.resolve("chart-out/charts/notification.svg")).isNotEmptyFile();

        // What it drew: per mode, one bar per measured cell at that cell's speedup, and a whisker per bar.
        XYChart chart = (XYChart) charts.find("notification").orElseThrow().panels().get(0);
        NotificationTable table = NotificationTable.of(analysis.run(), analysis.comparisons());
        List<Double> whiskerEnds = finite(chart.getSeriesMap().get("95% CI").getYData());
        for (String mode : NotificationTable.MODES) {
            List<Double> speedups = new ArrayList<>();
            for (Harness harness : Harness.values()) {
                for (int trapEvery : NotificationTable.TRAP_EVERY) {
                    table.cell(harness, mode, trapEvery).comparison().ifPresent(c -> {
                        speedups.add(c.speedup().point());
                        assertThat(whiskerEnds).contains(c.speedup().low(), c.speedup().high());
                    });
                }
            }
            assertThat(speedups).as(mode + " measured").isNotEmpty();
            List<Double> barTops = finite(chart.getSeriesMap().get("notify=" + mode + " (bars)").getYData()).stream()
                    .filter(y -> y != 0).toList();
            assertThat(barTops).as("notify=" + mode + " bars").containsExactlyElementsOf(speedups);
        }
    }

    private static List<Double> finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).boxed().toList();
    }

    @Test
    void aRunThatPredatesSigtrapSaysSoInEachSigtrapCellAndComparesNothing() throws Exception {
        Analysis analysis = analyze(Fixtures.copyAll(tmp, "published-like"));
        NotificationTable table = NotificationTable.of(analysis.run(), analysis.comparisons());

        assertThat(table.cell(Harness.NATIVE, "signal", 0).comparison()).isPresent();
        assertThat(table.cell(Harness.JMH, "none", 1).comparison()).isPresent();
        assertThat(table.cell(Harness.NATIVE, "sigtrap", 0).notMeasuredWhy()).isEqualTo("native.json has no "
                + "notify=sigtrap figures (the run predates notify=sigtrap: its probe did not try it)");
        assertThat(table.sigtrapEffects()).isEmpty();
        assertThat(markdown(analysis)).contains("*Not compared:* no harness measured both `signal` and `sigtrap`");
    }

    @Test
    void whereThePipelineLeftTheBenchmarksOutEachCellGivesItsReason() throws Exception {
        Path run = Fixtures.copy(tmp, "no-traps", "env.json");
        Files.writeString(run.resolve("run.json"), """
                {"profile": "smoke", "notRun": [
                  {"what": "JMH HeadlineBenchmark.move, TrapRateBenchmark.move",
                   "why": "each iteration must prove its watchpoints live by a trap, and no trap is counted here"},
                  {"what": "native matrix all", "why": "no watchpoint fires here"}]}
                """);
        Analysis analysis = analyze(run);
        NotificationTable table = NotificationTable.of(analysis.run(), analysis.comparisons());

        assertThat(table.anyMeasured()).isFalse();
        assertThat(table.cell(Harness.JMH, "sigtrap", 1).notMeasuredWhy()).isEqualTo("not run: each iteration must "
                + "prove its watchpoints live by a trap, and no trap is counted here");
        assertThat(table.cell(Harness.NATIVE, "none", 0).notMeasuredWhy()).isEqualTo("not run: no watchpoint fires here");
        assertThat(ReportCharts.build(analysis).skipped()).anySatisfy(chart -> assertThat(chart.name())
                .isEqualTo("notification"));
        // Nothing measured: no table of twelve repeated reasons, each reason once.
        String section = markdown(analysis).split("## " + NotificationSection.HEADING)[1].split("\n## ")[0];
        assertThat(section).doesNotContain("| notify |")
                .containsOnlyOnce("*Not measured:* not run: no watchpoint fires here")
                .containsOnlyOnce("*Not measured:* not run: each iteration must prove its watchpoints live by a trap");
    }

    @Test
    void aRewordedNotRunEntryWithKeysFillsTheSameCellsAsItsOriginalWording() throws Exception {
        // As the pipeline writes them (run.json format 2): the sentences, and the same as keys.
        String asWritten = """
                {"profile": "smoke", "notRun": [
                  {"what": "native notify=signal (every matrix)", "why": "no signal per trap here",
                   "harness": "native", "commands": [], "scenario": {"notify": "signal"}},
                  {"what": "JMH HeadlineBenchmark.move, TrapRateBenchmark.move", "why": "no trap is counted here",
                   "harness": "jmh", "commands": ["HeadlineBenchmark.move", "TrapRateBenchmark.move"], "scenario": {}}]}
                """;
        // The same entries reworded: no label the wording matcher knows, the keys unchanged.
        String reworded = asWritten.replace("native notify=signal (every matrix)", "signals per trap, in any C run")
                .replace("JMH HeadlineBenchmark.move, TrapRateBenchmark.move", "the Java watchpoint moves")
                .replace("no signal per trap here", "the kernel sends no signal when a trap fires")
                .replace("no trap is counted here", "a store under an armed watchpoint fires nothing");
        NotificationTable original = tableOf("keys-as-written", asWritten);
        NotificationTable rewritten = tableOf("keys-reworded", reworded);

        assertThat(reasons(rewritten)).as("each cell's reason, the reworded entries' in their cells")
                .isEqualTo(reasons(original).stream().map(why -> why
                        .replace("no signal per trap here", "the kernel sends no signal when a trap fires")
                        .replace("no trap is counted here", "a store under an armed watchpoint fires nothing"))
                        .toList());
        assertThat(rewritten.cell(Harness.NATIVE, "signal", 1).notMeasuredWhy())
                .isEqualTo("not run: the kernel sends no signal when a trap fires");
        assertThat(rewritten.cell(Harness.NATIVE, "none", 1).notMeasuredWhy()).doesNotContain("signal");
        assertThat(rewritten.cell(Harness.JMH, "sigtrap", 0).notMeasuredWhy())
                .isEqualTo("not run: a store under an armed watchpoint fires nothing");
    }

    private static NotificationTable tableOf(String name, String runJson) throws Exception {
        Path run = Fixtures.copy(tmp, name, "env.json");
        Files.writeString(run.resolve("run.json"), runJson);
        return analyze(run).notifications();
    }

    /** "harness notify trapEvery: why" of every cell, in the table's order. */
    private static List<String> reasons(NotificationTable table) {
        return table.cells().stream().map(cell -> cell.harness() + " " + cell.notifyMode() + " " + cell.trapEvery()
                + ": " + cell.notMeasuredWhy()
                .replace(tmp.resolve("keys-as-written").toString(), "RUN")
                .replace(tmp.resolve("keys-reworded").toString(), "RUN")).toList();
    }

    @Test
    void aReasonSharedByManyCellsIsWrittenOnceUnderTheTable() throws Exception {
        Analysis analysis = analyze(Fixtures.copyAll(tmp, "published-like-notes"));

        String section = markdown(analysis).split("## " + NotificationSection.HEADING)[1].split("\n## ")[0];

        String why = "native.json has no notify=sigtrap figures (the run predates notify=sigtrap: its probe did not "
                + "try it)";
        assertThat(section).contains("| notify |").containsOnlyOnce(why).contains("not measured [1]")
                .contains("[1] " + why);
    }

    /** The fixture's env.json and run.json with native.json and jmh.json holding the notify matrix only. */
    private static Path allModes(String name) throws Exception {
        Path run = Fixtures.copy(tmp, name, "env.json", "run.json");
        // mean ns/op per mode: reopen and modify at trapEvery 0; a trap adds 26 us (signal), 9 us (none), 12 us (sigtrap).
        double[][] moves = {{19_000, 2_000}, {19_000, 2_000}, {6_500, 2_000}};
        double[] trap = {9_000, 26_000, 12_000};
        List<String> nativeRows = new ArrayList<>();
        List<String> jmhRows = new ArrayList<>();
        for (int m = 0; m < NotificationTable.MODES.size(); m++) {
            String mode = NotificationTable.MODES.get(m);
            for (int trapEvery : NotificationTable.TRAP_EVERY) {
                for (int s = 0; s < 2; s++) {
                    String strategy = s == 0 ? "reopen" : "modify";
                    double ns = moves[m][s] + trapEvery * trap[m];
                    nativeRows.add("""
                            {"matrix": "notify", "strategy": "%s", "trapEvery": %d, "notify": "%s", "pages": %d,
                             "bpType": "RW", "bpLen": 1, "threads": 1, "slots": 1,
                             "nsPerOp": [%s, %s, %s, %s, %s]}""".formatted(strategy, trapEvery, mode,
                            mode.equals("sigtrap") ? 0 : 1, ns * 0.98, ns * 0.99, ns, ns * 1.01, ns * 1.02));
                    double jmh = ns + 300; // the binding's ~300 ns a call, as docs/design.md's leads say
                    jmhRows.add("""
                            {"jmhVersion": "1.37", "benchmark": "dev.rearm.jmh.benchmarks.HeadlineBenchmark.move",
                             "mode": "avgt", "threads": 1, "forks": 3,
                             "params": {"strategy": "%s", "trapEvery": "%d", "notify": "%s", "pages": "1",
                                        "bpType": "RW", "bpLen": "1", "threads": "1", "slots": "1"},
                             "primaryMetric": {"scoreUnit": "ns/op",
                                               "rawData": [[%s, %s], [%s, %s], [%s, %s]]}}""".formatted(strategy,
                            trapEvery, mode, jmh * 0.97, jmh * 0.98, jmh, jmh * 1.01, jmh * 1.02, jmh * 1.03));
                }
            }
        }
        Files.writeString(run.resolve("native.json"), "{\"harness\": \"native\", \"results\": [\n"
                + String.join(",\n", nativeRows) + "]}");
        Files.writeString(run.resolve("jmh.json"), "[\n" + String.join(",\n", jmhRows) + "]");
        return run;
    }

    private static Analysis analyze(Path run) throws Exception {
        return new Analyzer(new HierarchicalBootstrap(1, 1_000)).analyze(RunLoader.load(run), Optional.empty());
    }

    private static String markdown(Analysis analysis) {
        ChartSet charts = ReportCharts.build(analysis);
        Document document = ReportComposer.compose(analysis, charts, Instant.parse("2026-01-01T00:00:00Z"));
        return MarkdownRenderer.render(document);
    }
}
