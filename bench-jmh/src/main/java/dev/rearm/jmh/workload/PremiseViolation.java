package dev.rearm.jmh.workload;

/**
 * The kernel did not see what the benchmark claims it measured (a trap missing, one too many, a
 * signal lost). Thrown from an iteration's teardown, so JMH marks the benchmark failed and no
 * number is reported for it.
 */
public final class PremiseViolation extends RuntimeException {
    public PremiseViolation(String message) {
        super(message);
    }
}
