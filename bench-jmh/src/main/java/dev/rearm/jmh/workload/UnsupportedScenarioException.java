package dev.rearm.jmh.workload;

import dev.rearm.perf.event.PerfException;

/**
 * The kernel refused to arm the scenario (a shape this CPU does not accept, no free debug
 * register, no breakpoint PMU...). Thrown from the trial setup, before anything is timed; the
 * message is the probe's explanation of the refusal.
 */
public final class UnsupportedScenarioException extends RuntimeException {
    public UnsupportedScenarioException(Scenario scenario, PerfException cause) {
        super("cannot run " + scenario + " here: " + cause.getMessage()
                + " (java -jar bench-native/target/bench-native.jar probe lists what this machine supports)", cause);
    }
}
