package dev.rearm.analysis.report;

import dev.rearm.analysis.chart.ChartFiles;
import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.chart.ChartSpec;
import dev.rearm.analysis.report.doc.Document;
import dev.rearm.analysis.report.doc.HtmlRenderer;
import dev.rearm.analysis.report.doc.MarkdownRenderer;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes report.md, report.html and charts/ into the output folder without ever leaving a
 * half-written file there: everything is written into a hidden staging folder beside them, then
 * renamed into place (charts/ swapped as a whole, each report file replaced by an atomic rename).
 * Only these three names are touched, so the output folder may be the run folder itself.
 */
public final class ReportWriter {
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    public static final String CHARTS = "charts";

    private ReportWriter() {
    }

    /** @return the files now in place */
    public static List<Path> write(Path outDir, Document document, ChartSet charts) throws IOException {
        Files.createDirectories(outDir);
        Path stage = Files.createTempDirectory(outDir, ".report-");
        try {
            Path stagedCharts = Files.createDirectory(stage.resolve(CHARTS));
            Map<String, byte[]> images = new HashMap<>();
            for (ChartSpec chart : charts.drawn()) {
                Path png = ChartFiles.write(chart, stagedCharts);
                images.put(CHARTS + "/" + png.getFileName(), Files.readAllBytes(png));
            }
            Files.writeString(stage.resolve(MARKDOWN), MarkdownRenderer.render(document));
            Files.writeString(stage.resolve(HTML), HtmlRenderer.render(document, images));

            Path chartsDir = outDir.resolve(CHARTS);
            Path retired = stage.resolve("retired-" + CHARTS);
            if (Files.exists(chartsDir)) {
                Files.move(chartsDir, retired, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(stagedCharts, chartsDir, StandardCopyOption.ATOMIC_MOVE);
            Files.move(stage.resolve(MARKDOWN), outDir.resolve(MARKDOWN), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            Files.move(stage.resolve(HTML), outDir.resolve(HTML), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return List.of(outDir.resolve(MARKDOWN), outDir.resolve(HTML), chartsDir);
        } finally {
            deleteTree(stage);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
