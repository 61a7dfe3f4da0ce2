package dev.rearm.analysis.compare;

import dev.rearm.analysis.load.Scenario;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one-key sweeps around the headline scenario that the report draws. A scenario belongs to a
 * sweep when resetting the swept key(s) gives the headline scenario back. Each sweep names the
 * JMH class and native matrix that measure it on purpose, preferred when several measured a point.
 */
public enum Sweep {
    TRAP_RATE(s -> s.withTrapEvery(Scenario.HEADLINE.trapEvery()), "TrapRateBenchmark", "trap-rate"),
    PAGES(s -> s.withPages(Scenario.HEADLINE.pages()), "RingPagesBenchmark", "pages"),
    SHAPE(s -> s.withShape(Scenario.HEADLINE.bpType(), Scenario.HEADLINE.bpLen()), "ShapeBenchmark", "shape"),
    THREADS(s -> s.withThreads(Scenario.HEADLINE.threads()), "ThreadsBenchmark", "threads"),
    SLOTS(s -> s.withSlots(Scenario.HEADLINE.slots()), "SlotsBenchmark", "slots"),
    /** notify x trapEvery {0, 1}: what the signal adds to a trap. */
    NOTIFY(s -> s.trapEvery() <= 1 ? s.withNotify(Scenario.HEADLINE.notifyMode()).withTrapEvery(0) : s,
            "HeadlineBenchmark", "notify", "headline");

    private final UnaryOperator<Scenario> resetSweptKeys;
    private final List<String> preferredSources;

    /** @param resetSweptKeys gives the headline scenario back for exactly the scenarios in the sweep */
    Sweep(UnaryOperator<Scenario> resetSweptKeys, String... preferredSources) {
        this.resetSweptKeys = resetSweptKeys;
        this.preferredSources = List.of(preferredSources);
    }

    public boolean contains(Scenario scenario) {
        return resetSweptKeys.apply(scenario).equals(Scenario.HEADLINE);
    }

    public List<String> preferredSources() {
        return preferredSources;
    }
}
