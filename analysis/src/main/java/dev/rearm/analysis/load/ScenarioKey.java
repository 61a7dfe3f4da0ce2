package dev.rearm.analysis.load;

/** One docs/design.md scenario key: the strategy and the workload. Both harnesses join on it. */
public record ScenarioKey(String strategy, Scenario scenario) {

    public static final String REOPEN = "reopen";
    public static final String MODIFY = "modify";

    public String label() {
        return Scenario.STRATEGY + "=" + strategy + " " + scenario.label();
    }
}
