package dev.rearm.analysis.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import org.knowm.xchart.style.markers.Marker;

/** A short horizontal line: the cap at each end of a confidence-interval whisker. */
final class CapMarker extends Marker {
    private static final BasicStroke STROKE = new BasicStroke(1.6f);

    @Override
    public void paint(Graphics2D g, double x, double y, int markerSize) {
        g.setStroke(STROKE);
        double half = markerSize * 0.8;
        g.draw(new Line2D.Double(x - half, y, x + half, y));
    }
}
