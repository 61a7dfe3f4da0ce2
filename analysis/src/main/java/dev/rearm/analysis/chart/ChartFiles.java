package dev.rearm.analysis.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart as NAME.png (for report.md and report.html) and NAME.svg (for print and zoom).
 * Panels are painted one below the other into the same picture, as XChart's own encoders paint one
 * chart (a BufferedImage for PNG, VectorGraphics2D for SVG). XChart paints every label as glyph
 * outlines, never as a string, so the SVG cannot hold its text as text; it gets the chart's title
 * and caption as its {@code <title>} and {@code <desc>} instead, for search and screen readers.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** @return the PNG file written */
    public static Path write(ChartSpec spec, Path dir) throws IOException {
        Path png = dir.resolve(spec.name() + ".png");
        Path svg = dir.resolve(spec.name() + ".svg");
        BufferedImage image = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D bitmap = image.createGraphics();
        paint(spec, bitmap);
        bitmap.dispose();
        try (OutputStream out = Files.newOutputStream(png)) {
            ImageIO.write(image, "png", out);
        }
        VectorGraphics2D vector = new VectorGraphics2D();
        paint(spec, vector);
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(vector.getCommands(), new PageSize(0, 0, spec.width(), spec.height()))
                .writeTo(drawn);
        Files.writeString(svg, titled(drawn.toString(StandardCharsets.UTF_8), spec));
        return png;
    }

    /** The SVG with the chart's title and caption as the first children of its root element. */
    static String titled(String svg, ChartSpec spec) {
        int root = svg.indexOf('>', svg.indexOf("<svg")) + 1;
        return svg.substring(0, root) + "\n  <title>" + xml(spec.title()) + "</title>\n  <desc>" + xml(spec.caption())
                + "</desc>" + svg.substring(root);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void paint(ChartSpec spec, Graphics2D graphics) {
        int top = 0;
        for (Chart<?, ?> panel : spec.panels()) {
            Graphics2D g = (Graphics2D) graphics.create(0, top, panel.getWidth(), panel.getHeight());
            panel.paint(g, panel.getWidth(), panel.getHeight());
            g.dispose();
            top += panel.getHeight();
        }
    }
}
