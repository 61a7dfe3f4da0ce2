package dev.rearm.perf.probe;

/** Whether this machine can do one thing the suite needs, and why not when it cannot. */
public record Capability(boolean supported, String reason) {
    public static Capability yes(String reason) {
        return new Capability(true, reason);
    }

    public static Capability no(String reason) {
        return new Capability(false, reason);
    }
}
