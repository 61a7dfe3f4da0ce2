package dev.rearm.analysis.stats;

/** A figure with its confidence interval, e.g. a speedup of 9.8 [9.5, 10.1] at 95%. */
public record Estimate(double point, double low, double high, double level) {

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** high / low: how many times wider than a point the interval is, on a ratio scale. */
    public double spreadFactor() {
        return high / low;
    }
}
