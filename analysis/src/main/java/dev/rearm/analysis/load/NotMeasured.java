package dev.rearm.analysis.load;

/**
 * Something the run did not measure, or measured but cannot be used, and why: a scenario the
 * harness marked as not run, an entry whose trap premise failed, a missing file.
 */
public record NotMeasured(String harness, String what, String why) {
}
