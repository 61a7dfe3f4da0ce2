package dev.rearm.analysis.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A docs/design.md scenario without its strategy: the workload both strategies are compared on.
 * ({@code notifyMode} is the key "notify": a record component cannot be called {@code notify}.)
 * The key names and the headline defaults live here and nowhere else in this module.
 *
 * <p>Where a file leaves a key out (a JMH class that has no {@code @Param} for it), the key takes
 * its headline value: {@code trapEvery=0 notify=signal pages=1 bpType=RW bpLen=1 threads=1 slots=1}.
 *
 * <p>notify=sigtrap maps no ring, so its pages key is 0 in both harnesses: native.json writes 0,
 * and a JMH class's pages=1 (the one value the classes that take sigtrap declare, which the JMH
 * state reads as no ring) is read as 0 here, so the two harnesses' sigtrap rows join.
 */
public record Scenario(int trapEvery, String notifyMode, int pages, String bpType, int bpLen, int threads, int slots) {

    public static final String STRATEGY = "strategy";
    public static final String TRAP_EVERY = "trapEvery";
    public static final String NOTIFY = "notify";
    public static final String PAGES = "pages";
    public static final String BP_TYPE = "bpType";
    public static final String BP_LEN = "bpLen";
    public static final String THREADS = "threads";
    public static final String SLOTS = "slots";

    /** The scenario keys other than the strategy, in docs/design.md's order. */
    public static final List<String> KEYS = List.of(TRAP_EVERY, NOTIFY, PAGES, BP_TYPE, BP_LEN, THREADS, SLOTS);

    /** The notify mode that maps no ring: its SIGTRAP carries what a sample would. */
    public static final String RINGLESS_NOTIFY = NotifyMode.SIGTRAP.key();

    /** The original tests' scenario (the commit's claims are about it), with trapEvery=0. */
    public static final Scenario HEADLINE = new Scenario(0, NotifyMode.SIGNAL.key(), 1, "RW", 1, 1, 1);

    /**
     * Reads the keys from textual values (JMH params are strings, native.json has numbers);
     * an absent key takes its headline value.
     *
     * @param where names the entry for the error message, e.g. "jmh.json entry 3"
     */
    public static Scenario fromValues(Map<String, String> values, String where) throws BadInputException {
        String notify = values.getOrDefault(NOTIFY, HEADLINE.notifyMode);
        int pages = intValue(values, PAGES, HEADLINE.pages, where);
        if (!mapsRing(notify)) {
            if (pages != 0 && pages != 1) {
                throw new BadInputException(where + ": pages=" + pages + " with notify=" + notify + ", which maps no "
                        + "ring; expected pages 0 (native.json) or 1 (a JMH class's default, read as no ring)");
            }
            pages = 0;
        }
        return new Scenario(
                intValue(values, TRAP_EVERY, HEADLINE.trapEvery, where),
                notify,
                pages,
                values.getOrDefault(BP_TYPE, HEADLINE.bpType),
                intValue(values, BP_LEN, HEADLINE.bpLen, where),
                intValue(values, THREADS, HEADLINE.threads, where),
                intValue(values, SLOTS, HEADLINE.slots, where));
    }

    private static int intValue(Map<String, String> values, String key, int fallback, String where)
            throws BadInputException {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(where + ": scenario key " + key + " is '" + text
                    + "', expected a whole number");
        }
    }

    /** Whether a notify mode maps a ring (none and signal do; sigtrap does not). */
    public static boolean mapsRing(String notify) {
        return !RINGLESS_NOTIFY.equals(notify);
    }

    /** The headline scenario with this notify mode and trapEvery (pages 0 for a mode without a ring). */
    public static Scenario headlineWith(String notify, int trapEvery) {
        return HEADLINE.withNotify(notify).withTrapEvery(trapEvery).withPages(mapsRing(notify) ? HEADLINE.pages : 0);
    }

    public Scenario withTrapEvery(int value) {
        return new Scenario(value, notifyMode, pages, bpType, bpLen, threads, slots);
    }

    public Scenario withNotify(String value) {
        return new Scenario(trapEvery, value, pages, bpType, bpLen, threads, slots);
    }

    public Scenario withPages(int value) {
        return new Scenario(trapEvery, notifyMode, value, bpType, bpLen, threads, slots);
    }

    public Scenario withShape(String type, int length) {
        return new Scenario(trapEvery, notifyMode, pages, type, length, threads, slots);
    }

    public Scenario withThreads(int value) {
        return new Scenario(trapEvery, notifyMode, pages, bpType, bpLen, value, slots);
    }

    public Scenario withSlots(int value) {
        return new Scenario(trapEvery, notifyMode, pages, bpType, bpLen, threads, value);
    }

    /** Traps per op: 0 for trapEvery=0, else 1/trapEvery. */
    public double trapRate() {
        return trapEvery == 0 ? 0.0 : 1.0 / trapEvery;
    }

    /** Every key as {@code key=value}, in docs/design.md's order. */
    public String label() {
        return TRAP_EVERY + "=" + trapEvery + " " + NOTIFY + "=" + notifyMode + " " + PAGES + "=" + pages + " "
                + BP_TYPE + "=" + bpType + " " + BP_LEN + "=" + bpLen + " " + THREADS + "=" + threads + " "
                + SLOTS + "=" + slots;
    }

    /** Only the keys that differ from the headline scenario ("headline" when none do). */
    public String shortLabel() {
        List<String> parts = new ArrayList<>();
        if (trapEvery != HEADLINE.trapEvery) {
            parts.add(TRAP_EVERY + "=" + trapEvery);
        }
        if (!notifyMode.equals(HEADLINE.notifyMode)) {
            parts.add(NOTIFY + "=" + notifyMode);
        }
        if (pages != HEADLINE.pages) {
            parts.add(PAGES + "=" + pages);
        }
        if (!bpType.equals(HEADLINE.bpType) || bpLen != HEADLINE.bpLen) {
            parts.add(BP_TYPE + "=" + bpType + " " + BP_LEN + "=" + bpLen);
        }
        if (threads != HEADLINE.threads) {
            parts.add(THREADS + "=" + threads);
        }
        if (slots != HEADLINE.slots) {
            parts.add(SLOTS + "=" + slots);
        }
        return parts.isEmpty() ? "headline" : String.join(" ", parts);
    }
}
