package dev.rearm.analysis.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.Analyzer;
import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.Measurements;
import dev.rearm.analysis.load.Environment;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Measurement;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.load.RunInfo;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.GroupedSample;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;

class ReportChartsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static ChartSet charts;

    @BeforeAll
    static void drawTheFixture() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Analysis analysis = new Analyzer(new HierarchicalBootstrap(1, 1_000))
                .analyze(RunLoader.load(Fixtures.run()), Optional.empty());
        charts = ReportCharts.build(analysis);
    }

    static Stream<String> chartNames() {
        return Stream.of("headline", "ring-pages", "trap-rate", "reopen-phases", "latency", "threads", "slots",
                "shape-matrix", "harness-agreement");
    }

    @ParameterizedTest
    @MethodSource("chartNames")
    void eachChartRendersToAValidPngAndSvg(String name, @TempDir Path dir) throws Exception {
        ChartSpec spec = charts.find(name).orElseThrow(() -> new AssertionError(name + " was not drawn"));
        Path png = ChartFiles.write(spec, dir);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, PNG_MAGIC.length)).isEqualTo(PNG_MAGIC);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(ChartTheme.WIDTH);
        assertThat(image.getHeight()).isEqualTo(spec.height());

        Document svg = parseWithoutNetwork(dir.resolve(name + ".svg"));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("*").getLength()).isGreaterThan(20);
        // XChart draws labels as outlines: the SVG names its chart in <title> and <desc> instead.
        assertThat(svg.getDocumentElement().getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo(spec.title());
        assertThat(svg.getDocumentElement().getElementsByTagName("desc").item(0).getTextContent())
                .isEqualTo(spec.caption());
    }

    @Test
    void profilerOverheadChartRendersFromTheRecordedRunToAValidPngAndSvg(@TempDir Path dir) throws Exception {
        Analysis analysis = new Analyzer(new HierarchicalBootstrap(1, 500))
                .analyze(RunLoader.load(Fixtures.run("profiler-recorded")), Optional.empty());
        ChartSpec spec = ReportCharts.build(analysis).find("profiler-overhead")
                .orElseThrow(() -> new AssertionError("profiler-overhead was not drawn"));

        Path png = ChartFiles.write(spec, dir);

        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(ChartTheme.WIDTH);
        Document svg = parseWithoutNetwork(dir.resolve("profiler-overhead.svg"));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        // 3 strategies x 3 workloads, each a line and its whiskers
        assertThat(((XYChart) spec.chart()).getSeriesMap()).hasSize(2 * 3 * 3);
    }

    @Test
    void chartsWithoutDataAreSkippedWithAReason() {
        Run headlineOnly = new Run(Path.of("constructed"), Environment.unknown("test"), RunInfo.unknown("test"),
                List.of(Measurements.exact("reopen", Scenario.HEADLINE, 19_000),
                        Measurements.exact("modify", Scenario.HEADLINE, 2_000)),
                List.of(), List.of(), List.of(), true, false, null, null, ProfilerData.none());
        ChartSet set = ReportCharts.build(new Analyzer(new HierarchicalBootstrap(1, 200))
                .analyze(headlineOnly, Optional.empty()));
        assertThat(set.drawn()).extracting(ChartSpec::name).containsExactly("headline");
        assertThat(set.skipped()).extracting(SkippedChart::name).containsExactly("ring-pages", "trap-rate",
                "notification", "trap-anatomy", "four-x-needs", "reopen-phases", "latency", "threads", "slots", "shape-matrix", "harness-agreement",
                "profiler-overhead");
        assertThat(set.skipped()).allSatisfy(s -> assertThat(s.why()).isNotBlank());
    }

    @Test
    void reopenPhasesAreHorizontalMicrosecondBarsOnePanelPerSweptKeyWithTheTimedLoopBesideEachBar() {
        Scenario trapping = Scenario.HEADLINE.withTrapEvery(1);
        Scenario pages = Scenario.HEADLINE.withPages(64);
        Scenario threads = Scenario.HEADLINE.withThreads(2);
        Scenario slots = trapping.withSlots(2);
        List<Measurement> measured = new ArrayList<>();
        for (Scenario scenario : List.of(trapping, Scenario.HEADLINE, slots, threads, pages)) {
            double phases = scenario == pages ? 130_000 : 20_000;
            double loop = scenario.trapEvery() == 1 ? 48_000 : phases + 500;
            Map<String, Double> phasesNs = new LinkedHashMap<>();
            phasesNs.put("munmap", 3_000.0);
            phasesNs.put("mmap", phases - 3_000);
            measured.add(new Measurement(Harness.NATIVE, "native", new ScenarioKey("reopen", scenario),
                    GroupedSample.ofSingles(new double[] {loop, loop, loop}), null, phasesNs));
            measured.add(Measurements.exact("modify", scenario, 2_000));
        }
        Run run = new Run(Path.of("constructed"), Environment.unknown("test"), RunInfo.unknown("test"), measured,
                List.of(), List.of(), List.of(), true, false, null, null, ProfilerData.none());

        ChartSpec spec = ReopenPhasesChart.build(new Analyzer(new HierarchicalBootstrap(1, 200))
                .analyze(run, Optional.empty())).orElseThrow();

        assertThat(spec.panels()).extracting(panel -> panel.getTitle()).containsExactly(
                "Where a reopen's time goes · ring pages", "trap rate and notification", "threads",
                "watchpoints armed at once (slots)");
        assertThat(spec.panels()).allSatisfy(panel -> assertThat(panel.getXAxisTitle()).isEqualTo("µs per reopen"));
        // Each panel: the headline on top (y = 2), its own scenario below (y = 1); the loop's mean beside each bar.
        List<double[]> loops = spec.panels().stream()
                .map(panel -> xData(((XYChart) panel).getSeriesMap().get("timed reopen loop (mean)"))).toList();
        assertThat(loops).containsExactly(new double[] {20.5, 130.5}, new double[] {20.5, 48}, new double[] {20.5, 20.5},
                new double[] {20.5, 48});
        XYSeries mmapOfPages = ((XYChart) spec.panels().get(0)).getSeriesMap().get("mmap (bars)");
        // one segment per bar, from where munmap ends to the sum of the phases, NaN between bars
        assertThat(Arrays.toString(mmapOfPages.getXData())).isEqualTo("[3.0, 20.0, NaN, 3.0, 130.0, NaN]");
        assertThat(Arrays.toString(mmapOfPages.getYData())).isEqualTo("[2.0, 2.0, NaN, 1.0, 1.0, NaN]");
    }

    @Test
    void trapRatesSitOnALogAxisSoZeroAndTheSmallRatesAreToldApart() {
        XYChart chart = (XYChart) charts.find("trap-rate").orElseThrow().chart();

        double[] x = xData(chart.getSeriesMap().get("native"));
        // trapEvery 0, 100, 10, 3, 1: f = 0 a decade left of 0.01, then log10(f), shifted by the harness's offset
        assertThat(x).usingComparatorWithPrecision(1e-9).containsExactly(-3.03, -2.03, -1.03,
                Math.log10(1 / 3.0) - 0.03, -0.03);
    }

    private static double[] xData(XYSeries series) {
        return series.getXData();
    }

    /** SVG files name a DTD on the web; the parser must not fetch it. */
    private static Document parseWithoutNetwork(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            return builder.parse(in);
        }
    }
}
