package dev.rearm.perf.probe;

/**
 * A kernel feature that is used in two steps: the kernel has to accept the call, then what it
 * promises has to happen on a trap. Where no watchpoint fires the second step cannot be seen, so
 * the feature is then {@code accepted} but not {@code supported}, and the reason says so: the
 * JSON never claims a delivery nobody saw.
 *
 * @param supported accepted, and a trap showed it working
 * @param accepted  the kernel took the call (perf_event_open, the modify ioctl) without an error
 */
public record KernelFeature(boolean supported, boolean accepted, String reason) {
    /** What a feature's reason says where it was accepted but no trap can show it working. */
    public static final String UNVERIFIED = "accepted; delivery not verified: no watchpoint fires here (see watchpointTraps)";

    public static KernelFeature works(String reason) {
        return new KernelFeature(true, true, reason);
    }

    public static KernelFeature unverified() {
        return new KernelFeature(false, true, UNVERIFIED);
    }

    /** Accepted, but a trap showed it not doing what it should. */
    public static KernelFeature broken(String reason) {
        return new KernelFeature(false, true, reason);
    }

    public static KernelFeature refused(String reason) {
        return new KernelFeature(false, false, reason);
    }

    /** The same as a plain capability, for the table's yes/NO lines. */
    Capability asCapability() {
        return new Capability(supported, reason);
    }
}
