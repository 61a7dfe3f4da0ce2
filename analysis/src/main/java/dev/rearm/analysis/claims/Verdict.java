package dev.rearm.analysis.claims;

/** What the measurement says about a claim (see {@link ToleranceRule}). */
public enum Verdict {
    REPRODUCED("reproduced"),
    NOT_REPRODUCED("not reproduced"),
    INCONCLUSIVE("inconclusive"),
    /** The figure rests on fewer than 3 forks or rounds: its interval cannot tell run-to-run variation. */
    TOO_FEW_GROUPS("too few forks/rounds to judge"),
    /**
     * The rounds come from one process: the interval is within-process variation, not what another
     * run gives (every native figure until the harness runs several processes).
     */
    ONE_PROCESS("within-process interval only: no verdict"),
    /** The interval has no width at 3 or more groups: no variation was measured, so it is no evidence. */
    NO_SPREAD("no spread measured: no verdict"),
    NOT_MEASURED("not measured");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
