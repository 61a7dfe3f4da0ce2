package dev.rearm.analysis.stats;

/**
 * A figure with its confidence interval, e.g. a speedup of 9.8 [9.5, 10.1] at 95%.
 *
 * @param groups    the fewest top-level units (rounds, forks) behind any sample of the figure
 * @param processes the fewest processes behind any sample of the figure: a JMH fork is a process, so
 *                  for JMH this equals {@code groups}; today's native harness runs one process whose
 *                  rounds are the groups, so its figures have 1 (what another run gives is never sampled)
 */
public record Estimate(double point, double low, double high, double level, int groups, int processes) {

    /** An estimate whose groups are each a process of their own (JMH forks). */
    public Estimate(double point, double low, double high, double level, int groups) {
        this(point, low, high, level, groups, groups);
    }

    /** The confidence level of every interval the report gives. */
    public static final double LEVEL = 0.95;

    /** Below this many rounds or forks an interval rests on too little between-run variation. */
    public static final int FEW_GROUPS = 3;

    public boolean fewGroups() {
        return groups < FEW_GROUPS;
    }

    /**
     * True when fewer than {@link #FEW_GROUPS} processes lie behind the figure: the interval then
     * says how the figure moved within the process(es), not what running it again gives.
     */
    public boolean fewProcesses() {
        return processes < FEW_GROUPS;
    }

    /** True when the interval has no width: no variation was measured, so it is no evidence either way. */
    public boolean noSpread() {
        return !(high > low);
    }

    /**
     * True when the interval can carry a verdict (a claim's, a baseline's, a check's): at least
     * {@link #FEW_GROUPS} groups, each from its own process, with a spread measured.
     */
    public boolean judgeable() {
        return !fewGroups() && !fewProcesses() && !noSpread();
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** high / low: how many times wider than a point the interval is, on a ratio scale. */
    public double spreadFactor() {
        return high / low;
    }
}
