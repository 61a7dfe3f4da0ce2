package dev.rearm.jmh.workload;

import dev.rearm.perf.event.BreakpointType;
import dev.rearm.perf.scenario.Notify;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.strategy.WatchpointSpec;

/**
 * One scenario in the docs/design.md vocabulary, built from a benchmark's {@code @Param} strings so
 * that a bad {@code -p key=value} gets one line naming the key and the valid values.
 *
 * @param trapEvery    0 = never traps, k = every k-th op stores to the watched address
 * @param notification the {@code notify} key ({@code notify} itself is taken by Object)
 */
public record Scenario(Strategy strategy, int trapEvery, Notify notification, int pages, BreakpointType bpType,
                       int bpLen, int threads, int slots) {

    public Scenario {
        require(trapEvery >= 0, "trapEvery=" + trapEvery + " is not 0 (never traps) or k >= 1 (every k-th op traps)");
        require(pages >= 1 && Integer.bitCount(pages) == 1,
                "pages=" + pages + " is not a power of two (1, 2, 4 ... 512)");
        // The pages rule for notify modes without a ring (sigtrap). A JMH @Param product cannot
        // leave out the combinations WatchpointSpec refuses (sigtrap with a ring), so pages means
        // "ring pages, for notify modes that map a ring": the benchmarks that take sigtrap declare
        // only pages=1, which a ringless mode reads as no ring, and their scenario key is pages=0,
        // as the native harness writes it (ringPages()). Any other size with sigtrap would be a
        // second name for the same run, so it is refused instead of silently ignored.
        require(notification.takesRing() || pages == 1, "pages=" + pages + " does not apply to notify="
                + notification.key() + ": it maps no ring (its SIGTRAP carries the tag); leave pages at 1, "
                + "which notify=" + notification.key() + " reads as no ring");
        require(bpLen == 1 || bpLen == 2 || bpLen == 4 || bpLen == 8, "bpLen=" + bpLen + " is not one of 1, 2, 4, 8");
        require(threads >= 1, "threads=" + threads + " is not 1 or more");
        require(slots >= 1, "slots=" + slots + " is not 1 or more (up to the debug registers the probe found)");
        // An X watchpoint traps on instruction fetch; the trapping op here is a data store.
        require(bpType != BreakpointType.X || trapEvery == 0,
                "trapEvery=" + trapEvery + " with bpType=X: an X watchpoint traps on instruction fetch, "
                        + "and this suite's trapping op is a data store; X runs with trapEvery=0 only");
    }

    /** Parses the benchmark's parameters; every failure names the parameter and its valid values. */
    public static Scenario of(String strategy, int trapEvery, String notify, int pages, String bpType, int bpLen,
                              int threads, int slots) {
        try {
            return new Scenario(Strategy.parse(strategy), trapEvery, Notify.parse(notify), pages,
                    BreakpointType.parse(bpType), bpLen, threads, slots);
        } catch (IllegalArgumentException e) {
            throw new BadScenarioException(e.getMessage());
        }
    }

    /**
     * What one slot's watchpoint is armed with at {@code address}; traps are verified by the state,
     * not tallied. notify=sigtrap's pages=1 becomes no ring.
     */
    public WatchpointSpec specAt(long address) {
        return new WatchpointSpec(address, bpType, bpLen, notification, ringPages(), false);
    }

    /**
     * The ring's data pages, the scenario's {@code pages} key: the {@code pages} param for a notify
     * mode with a ring, 0 for one without (sigtrap), as native.json keys it and the analysis reads
     * JMH's sigtrap rows.
     */
    public int ringPages() {
        return notification.takesRing() ? pages : 0;
    }

    public boolean traps() {
        return trapEvery > 0;
    }

    /** The scenario keys as native.json and the analysis name them (sigtrap: pages=0), for messages. */
    @Override
    public String toString() {
        return "strategy=" + strategy.key() + " trapEvery=" + trapEvery + " notify=" + notification.key() + " pages=" + ringPages()
                + " bpType=" + bpType.name() + " bpLen=" + bpLen + " threads=" + threads + " slots=" + slots;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new BadScenarioException(message);
        }
    }

    /** A parameter value outside the vocabulary: the message is the one line a user needs. */
    public static final class BadScenarioException extends IllegalArgumentException {
        public BadScenarioException(String message) {
            super(message);
        }
    }
}
