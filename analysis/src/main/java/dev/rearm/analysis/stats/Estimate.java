package dev.rearm.analysis.stats;

/**
 * A figure with its confidence interval, e.g. a speedup of 9.8 [9.5, 10.1] at 95%.
 *
 * @param groups the fewest top-level units (rounds, forks) behind any sample of the figure
 */
public record Estimate(double point, double low, double high, double level, int groups) {

    /** The confidence level of every interval the report gives. */
    public static final double LEVEL = 0.95;

    /** Below this many rounds or forks an interval rests on too little between-run variation. */
    public static final int FEW_GROUPS = 3;

    public boolean fewGroups() {
        return groups < FEW_GROUPS;
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** high / low: how many times wider than a point the interval is, on a ratio scale. */
    public double spreadFactor() {
        return high / low;
    }
}
