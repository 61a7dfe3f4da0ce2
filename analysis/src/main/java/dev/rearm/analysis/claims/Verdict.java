package dev.rearm.analysis.claims;

/** What the measurement says about a claim (see {@link ToleranceRule}). */
public enum Verdict {
    REPRODUCED("reproduced"),
    NOT_REPRODUCED("not reproduced"),
    INCONCLUSIVE("inconclusive"),
    /** The figure rests on fewer than 3 forks or rounds: its interval cannot tell run-to-run variation. */
    TOO_FEW_GROUPS("too few forks/rounds to judge"),
    NOT_MEASURED("not measured");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
