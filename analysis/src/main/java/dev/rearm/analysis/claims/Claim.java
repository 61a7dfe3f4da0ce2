package dev.rearm.analysis.claims;

import dev.rearm.analysis.load.Scenario;

/** The commit's claims (32ff77e8cc): how many times more a reopen costs than a modify. */
public enum Claim {
    NEVER_TRAPPING("~10x when the watchpoint never traps", 10, 0),
    ALWAYS_TRAPPING("~4x when the watchpoint always traps", 4, 1);

    private final String text;
    private final double speedup;
    private final int trapEvery;

    Claim(String text, double speedup, int trapEvery) {
        this.text = text;
        this.speedup = speedup;
        this.trapEvery = trapEvery;
    }

    public String text() {
        return text;
    }

    /** The claimed reopen/modify ratio. */
    public double speedup() {
        return speedup;
    }

    /** The headline scenario the claim is about (the original tests'). */
    public Scenario scenario() {
        return Scenario.HEADLINE.withTrapEvery(trapEvery);
    }
}
