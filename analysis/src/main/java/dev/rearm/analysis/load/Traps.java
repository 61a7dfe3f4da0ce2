package dev.rearm.analysis.load;

/**
 * The harness's trap accounting for one scenario: the premise of every trapping figure. With
 * notify=sigtrap every SIGTRAP must also carry the tag of the address its op armed: one that
 * names another address ({@code tagMismatches}) means a trap was credited to the wrong move.
 */
public record Traps(long expected, long observed, long tagMismatches) {
    public Traps(long expected, long observed) {
        this(expected, observed, 0);
    }

    public boolean premiseHolds() {
        return expected == observed && tagMismatches == 0;
    }

    /** "10 traps expected, 9 observed", "10 traps expected, 10 observed, 2 SIGTRAPs tagged with another address". */
    public String describe() {
        return expected + " traps expected, " + observed + " observed"
                + (tagMismatches == 0 ? "" : ", " + tagMismatches + " SIGTRAPs tagged with another address than their op armed");
    }
}
