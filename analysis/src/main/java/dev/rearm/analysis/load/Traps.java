package dev.rearm.analysis.load;

/** The harness's trap accounting for one scenario: the premise of every trapping figure. */
public record Traps(long expected, long observed) {
    public boolean premiseHolds() {
        return expected == observed;
    }
}
