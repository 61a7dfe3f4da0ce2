package dev.rearm.analysis.compare;

import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.NotMeasured;
import dev.rearm.analysis.load.NotifyMode;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.load.Scenario;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.RatioInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The headline speedup (reopen / modify at trapEvery 0 and 1) under each way a trap is notified
 * (none, signal, sigtrap), in both harnesses: how the notification changes what reopen has to
 * rebuild (signal: a ring and four fcntl; sigtrap: neither) and what a trap costs. A cell that
 * was not measured says why, from the run's own "not run" entries where it has one.
 */
public final class NotificationTable {
    public static final List<String> MODES = NotifyMode.KEYS;
    public static final List<Integer> TRAP_EVERY = List.of(0, 1);
    /** The native matrix and JMH classes that measure these scenarios on purpose, preferred in that order. */
    static final String[] PREFERRED_SOURCES = {"notify", "headline", "HeadlineBenchmark", "trap-rate",
            "TrapRateBenchmark"};
    /** The "not run" entries that leave a whole harness's notify scenarios out, by the text of their "what". */
    private static final List<String> NATIVE_WHOLE = List.of("every native scenario", "native harness",
            "native matrix all", "native matrix notify", "native matrix headline");
    private static final List<String> JMH_WHOLE = List.of("every JMH benchmark", "HeadlineBenchmark.move");
    /** The same by keys: the native matrices whose leaving out empties the notify cells, and JMH's benchmark. */
    private static final List<String> NATIVE_WHOLE_COMMANDS = List.of("all", "notify", "headline");
    private static final String JMH_WHOLE_BENCHMARK = "HeadlineBenchmark.move";
    /** {@link NotMeasured#harness()} of run.json's entries (RunInfoLoader). */
    private static final String RUN_RECORD = "run";

    /**
     * One harness, notify mode and trapEvery: the comparison, or why there is none.
     *
     * @param notMeasuredWhy null when {@code comparison} is present
     */
    public record Cell(Harness harness, String notifyMode, int trapEvery, Optional<StrategyComparison> comparison,
                       String notMeasuredWhy) {
    }

    /**
     * sigtrap against signal at one trapEvery in one harness: the speedup with signal over that with
     * sigtrap (above 1: sigtrap shrinks modify's advantage over reopen), with its 95% interval.
     */
    public record SigtrapEffect(Harness harness, int trapEvery, StrategyComparison signal, StrategyComparison sigtrap,
                                Estimate signalOverSigtrap) {
    }

    private final List<Cell> cells;

    private NotificationTable(List<Cell> cells) {
        this.cells = cells;
    }

    public static NotificationTable of(Run run, Comparisons comparisons) {
        List<Cell> cells = new ArrayList<>();
        for (Harness harness : Harness.values()) {
            for (String notify : MODES) {
                for (int trapEvery : TRAP_EVERY) {
                    Optional<StrategyComparison> found = comparisons.find(harness,
                            Scenario.headlineWith(notify, trapEvery), PREFERRED_SOURCES);
                    cells.add(new Cell(harness, notify, trapEvery, found,
                            found.isPresent() ? null : whyNot(run, harness, notify, trapEvery)));
                }
            }
        }
        return new NotificationTable(List.copyOf(cells));
    }

    public List<Cell> cells() {
        return cells;
    }

    public Cell cell(Harness harness, String notify, int trapEvery) {
        return cells.stream().filter(c -> c.harness() == harness && c.notifyMode().equals(notify)
                && c.trapEvery() == trapEvery).findFirst().orElseThrow();
    }

    public boolean anyMeasured() {
        return cells.stream().anyMatch(c -> c.comparison().isPresent());
    }

    /** Where both signal and sigtrap were measured: the ratio of their speedups, per harness and trapEvery. */
    public List<SigtrapEffect> sigtrapEffects() {
        List<SigtrapEffect> effects = new ArrayList<>();
        for (Harness harness : Harness.values()) {
            for (int trapEvery : TRAP_EVERY) {
                Optional<StrategyComparison> signal = cell(harness, NotifyMode.SIGNAL.key(), trapEvery).comparison();
                Optional<StrategyComparison> sigtrap = cell(harness, NotifyMode.SIGTRAP.key(), trapEvery).comparison();
                if (signal.isPresent() && sigtrap.isPresent()) {
                    StrategyComparison a = signal.get();
                    StrategyComparison b = sigtrap.get();
                    effects.add(new SigtrapEffect(harness, trapEvery, a, b, RatioInterval.ratioOfRatios(
                            a.reopen().nsPerOp(), a.modify().nsPerOp(), b.reopen().nsPerOp(), b.modify().nsPerOp())));
                }
            }
        }
        return List.copyOf(effects);
    }

    private static String whyNot(Run run, Harness harness, String notify, int trapEvery) {
        Optional<NotMeasured> leftOut = notRunEntry(run, harness, notify);
        if (leftOut.isPresent()) {
            return "not run: " + leftOut.get().why();
        }
        if (!run.has(harness)) {
            return "this run has no " + harness.fileName();
        }
        boolean modeMeasured = run.measurements().stream().anyMatch(m -> m.harness() == harness
                && m.key().scenario().notifyMode().equals(notify));
        if (!modeMeasured) {
            return harness.fileName() + " has no notify=" + notify + " figures" + (Scenario.mapsRing(notify)
                    || run.environment().capabilities().stream().anyMatch(c -> c.name().equals(notify)) ? ""
                    : " (the run predates notify=" + notify + ": its probe did not try it)");
        }
        return "no reopen/modify pair at the headline scenario with notify=" + notify + " trapEvery=" + trapEvery;
    }

    /**
     * The run's own reason for leaving this harness's notify mode out, if it gave one: an entry
     * naming the mode first, then the pipeline's (run.json) over the loader's ("jmh.json is not in"),
     * which only restates that the pipeline ran nothing there. An entry with keys is matched by its
     * keys; one with only its sentences (run.json format 1) by their wording.
     */
    private static Optional<NotMeasured> notRunEntry(Run run, Harness harness, String notify) {
        NotMeasured best = null;
        int bestRank = Integer.MAX_VALUE;
        for (NotMeasured entry : run.notMeasured()) {
            int rank = entry.keys().isPresent() ? rankByKeys(entry, entry.keys().get(), harness, notify)
                    : rankByWording(entry, harness, notify);
            if (rank >= 0 && rank < bestRank) {
                best = entry;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    /** 0: the entry leaves out this notify mode; 1/2: the whole harness or its headline source; -1: not this cell. */
    private static int rankByKeys(NotMeasured entry, NotMeasured.Keys keys, Harness harness, String notify) {
        if (!keys.harness().equals(harness.label())) {
            return -1;
        }
        if (keys.scenario().containsKey(Scenario.NOTIFY)) {
            return keys.scenario().get(Scenario.NOTIFY).equals(notify) ? 0 : -1;
        }
        boolean whole = keys.scenario().isEmpty() && (harness == Harness.NATIVE
                ? keys.commands().isEmpty() || NATIVE_WHOLE_COMMANDS.stream().anyMatch(keys.commands()::contains)
                : keys.commands().isEmpty() || keys.commands().contains(JMH_WHOLE_BENCHMARK));
        return !whole ? -1 : entry.harness().equals(RUN_RECORD) ? 1 : 2;
    }

    private static int rankByWording(NotMeasured entry, Harness harness, String notify) {
        List<String> whole = harness == Harness.NATIVE ? NATIVE_WHOLE : JMH_WHOLE;
        String what = entry.what();
        boolean fromPipeline = what.toLowerCase(Locale.ROOT).startsWith(harness.label() + " ");
        if (!fromPipeline && !entry.harness().equals(harness.label())) {
            return -1;
        }
        return what.contains("notify=" + notify) ? 0 : !whole.stream().anyMatch(what::contains) ? -1
                : fromPipeline ? 1 : 2;
    }
}
