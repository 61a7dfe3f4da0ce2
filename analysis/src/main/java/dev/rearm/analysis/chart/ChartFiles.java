package dev.rearm.analysis.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

/** Writes a chart as NAME.png (for report.md and report.html) and NAME.svg (for print and zoom). */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** @return the PNG file written */
    public static Path write(ChartSpec spec, Path dir) throws IOException {
        Path png = dir.resolve(spec.name() + ".png");
        Path svg = dir.resolve(spec.name() + ".svg");
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(spec.chart(), out, BitmapEncoder.BitmapFormat.PNG);
        }
        try (OutputStream out = Files.newOutputStream(svg)) {
            VectorGraphicsEncoder.saveVectorGraphic(spec.chart(), out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
        return png;
    }
}
