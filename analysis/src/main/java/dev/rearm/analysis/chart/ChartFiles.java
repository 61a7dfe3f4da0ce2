package dev.rearm.analysis.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart as NAME.png (for report.md and report.html) and NAME.svg (for print and zoom).
 * Panels are painted one below the other into the same picture, as XChart's own encoders paint one
 * chart (a BufferedImage for PNG, VectorGraphics2D for SVG).
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
        try (OutputStream out = Files.newOutputStream(svg)) {
            new SVGProcessor().getDocument(vector.getCommands(), new PageSize(0, 0, spec.width(), spec.height()))
                    .writeTo(out);
        }
        return png;
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
