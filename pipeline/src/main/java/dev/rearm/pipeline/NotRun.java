package dev.rearm.pipeline;

/**
 * A scenario or benchmark the pipeline left out on this machine, and why: listed in run.json's
 * {@code notRun} (which the analysis shows as "not measured") and on the console.
 */
public record NotRun(String what, String why) {
    @Override
    public String toString() {
        return what + ": " + why;
    }
}
