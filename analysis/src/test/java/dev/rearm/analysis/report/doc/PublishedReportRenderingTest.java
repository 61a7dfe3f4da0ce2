package dev.rearm.analysis.report.doc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.Analyzer;
import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.chart.ReportCharts;
import dev.rearm.analysis.claims.ToleranceRule;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.report.ReportComposer;
import dev.rearm.analysis.report.ReportWriter;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published report (results/reference/2026-11-26-amd-epyc-6.18.44), analysed again from its raw
 * files into a temporary folder: every text of every section shows as written, with only its marks
 * applied, in report.md as GitHub reads it and in report.html.
 */
class PublishedReportRenderingTest {
    private static final Path PUBLISHED = Path.of("..", "results", "reference", "2026-11-26-amd-epyc-6.18.44");

    @TempDir
    static Path tmp;
    private static Document document;
    private static String html;

    @BeforeAll
    static void renderThePublishedRun() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path in = Files.createDirectory(tmp.resolve("in"));
        for (String raw : List.of("env.json", "native.json", "jmh.json", "run.json")) {
            Files.copy(PUBLISHED.resolve(raw), in.resolve(raw));
        }
        // Fewer resamples than a published run: the intervals move a little, the texts keep their shape.
        Analysis analysis = new Analyzer(new HierarchicalBootstrap(1, 1_000)).analyze(RunLoader.load(in), Optional.empty());
        ChartSet charts = ReportCharts.build(analysis);
        document = ReportComposer.compose(analysis, charts, Instant.parse("2026-11-30T00:00:00Z"));
        Path out = tmp.resolve("out");
        ReportWriter.write(out, document, charts);
        html = Files.readString(out.resolve(ReportWriter.HTML));
    }

    @Test
    void everyTextOfEverySectionShowsAsWrittenWithOnlyItsMarksApplied() {
        List<String> texts = texts(document);
        assertThat(texts).hasSizeGreaterThan(200);
        List<String> wrong = new ArrayList<>();
        for (String text : texts) {
            RenderedText rendered = RenderedText.of(MarkdownText.of(text));
            if (!rendered.leaks.isEmpty() || !rendered.seen.toString().equals(text)
                    || !rendered.marksInsideWords().isEmpty()) {
                wrong.add(text + " -> " + rendered.seen + " " + rendered.leaks + " " + rendered.marksInsideWords());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theToleranceRuleRoundTripsIntoTheHtmlAsPlainTextWithEachVerdictEmphasised() {
        Matcher paragraph = Pattern.compile("<p>Tolerance rule: (.*?)</p>").matcher(html);
        assertThat(paragraph.find()).as("the tolerance rule's paragraph in report.html").isTrue();
        String rule = paragraph.group(1);

        assertThat(rule.replaceAll("</?em>", "")).isEqualTo(ToleranceRule.describe().replaceAll("\\*(?=[a-z])|(?<=[a-z])\\*(?= )", ""));
        assertThat(rule).contains("[K/1.25, K*1.25] (");
        assertThat(Pattern.compile("<em>(.*?)</em>").matcher(rule).results().map(m -> m.group(1)))
                .containsExactly("reproduced", "not reproduced", "inconclusive", "too few forks/rounds to judge",
                        "within-process interval only", "no spread measured", "not measured");
    }

    @Test
    void theHtmlHoldsNoMarkdownThatWasNotRendered() {
        String body = html.substring(html.indexOf("<body>")).replaceAll("<code>.*?</code>", "")
                .replaceAll("src=\"data:[^\"]*\"", "");
        assertThat(body).doesNotContain("**").doesNotContain("\\*").doesNotContain("\\_").doesNotContain("](")
                .doesNotContain("<del>").doesNotContain("<a ");
    }

    private static List<String> texts(Document document) {
        List<String> texts = new ArrayList<>(List.of(document.title()));
        for (Block block : document.blocks()) {
            if (block instanceof Block.Heading h) {
                texts.add(h.text());
            } else if (block instanceof Block.Paragraph p) {
                texts.add(p.text());
            } else if (block instanceof Block.Bullets b) {
                texts.addAll(b.items());
            } else if (block instanceof Block.Table t) {
                texts.addAll(t.header());
                t.rows().forEach(texts::addAll);
            } else if (block instanceof Block.Image i) {
                texts.add(i.caption());
            }
        }
        return texts;
    }
}
