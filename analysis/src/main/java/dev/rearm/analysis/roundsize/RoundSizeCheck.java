package dev.rearm.analysis.roundsize;

import dev.rearm.analysis.claims.ClaimRow;
import dev.rearm.analysis.compare.StrategyComparison;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.NativeRounds;
import dev.rearm.analysis.load.NotMeasured;
import dev.rearm.analysis.load.RoundSizeData;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.RatioInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * "Does the round size move the per-op figure?" Time-sized rounds give each strategy its own op
 * count (a 2 us modify does 25x the ops of a 50 us reopen in the same time), so a speedup from
 * them is only fair if a per-op figure does not depend on how many ops a round has. Per scenario
 * and strategy of round-size.json: per-op at the smallest size over per-op at the largest, with
 * the suite's ratio interval (a Welch t interval on the log ratio of per-round means), judged by
 * the within-run rule of {@link RoundSizeVerdict}.
 *
 * @param notRunWhy why there are no figures (round-size.json absent), else null
 */
public record RoundSizeCheck(List<Row> rows, String notRunWhy) {
    /** The harness command that measures round sizes, as run.json's not-run entries name it. */
    private static final String COMMAND = "round-size";


    /**
     * One scenario and strategy.
     *
     * @param smallOverLarge per-op at the smallest size / per-op at the largest
     */
    public record Row(ScenarioKey key, long smallOps, long largeOps, double smallNs, double largeNs,
                      Estimate smallOverLarge, RoundSizeVerdict verdict) {
        public String verdictLabel() {
            return verdict.label(smallOverLarge);
        }
    }

    public RoundSizeCheck {
        rows = List.copyOf(rows);
    }

    /** By its keys where the entry has them (run.json format 2), else by its wording (format 1). */
    private static boolean namesRoundSize(NotMeasured entry) {
        return entry.keys().map(keys -> keys.commands().contains(COMMAND))
                .orElseGet(() -> entry.what().contains(COMMAND));
    }

    /**
     * @param notRun run.json's notRun entries: where the pipeline left the round-size check out, they say why
     */
    public static RoundSizeCheck of(RoundSizeData data, List<NotMeasured> notRun) {
        if (!data.present()) {
            String why = notRun.stream().filter(RoundSizeCheck::namesRoundSize).map(NotMeasured::why)
                    .findFirst().map(reason -> "not run: " + reason).orElse("not run");
            return new RoundSizeCheck(List.of(), why);
        }
        List<Row> rows = new ArrayList<>();
        for (RoundSizeData.SizedScenario scenario : data.scenarios()) {
            if (scenario.bySize().size() < 2) {
                continue; // one size compares with nothing
            }
            RoundSizeData.AtSize small = scenario.bySize().stream()
                    .min(Comparator.comparingLong(RoundSizeData.AtSize::opsPerRound)).orElseThrow();
            RoundSizeData.AtSize large = scenario.bySize().stream()
                    .max(Comparator.comparingLong(RoundSizeData.AtSize::opsPerRound)).orElseThrow();
            Estimate ratio = RatioInterval.ratio(small.nsPerOp(), large.nsPerOp());
            rows.add(new Row(scenario.key(), small.opsPerRound(), large.opsPerRound(), small.nsPerOp().grandMean(),
                    large.nsPerOp().grandMean(), ratio, RoundSizeVerdict.of(ratio)));
        }
        return new RoundSizeCheck(rows, rows.isEmpty() ? "round-size.json holds no scenario at two sizes" : null);
    }

    public List<Row> differing() {
        return rows.stream().filter(row -> row.verdict() == RoundSizeVerdict.DIFFERS).toList();
    }

    /** One console line: the verdicts, or why there are none. */
    public String consoleLine() {
        if (notRunWhy != null) {
            return "Round size vs per-op figure: " + notRunWhy;
        }
        List<String> parts = new ArrayList<>();
        for (Row row : rows) {
            parts.add(row.key().strategy() + " " + row.key().scenario().shortLabel() + " " + row.smallOps() + " vs "
                    + row.largeOps() + " ops: " + row.verdictLabel());
        }
        return "Round size vs per-op figure: " + String.join("; ", parts);
    }

    /**
     * The smallest difference the caveat reports: below 1% a round-size effect moves a ratio by less
     * than the run-to-run spread of any interval the report shows, so naming it would only add noise.
     */
    public static final double CAVEAT_MIN_DIFFERENCE = 0.01;

    /**
     * The claim rows with a caveat in a native row's "why" when a per-op figure of that row's own
     * scenario and strategies moved with the round size (its CI excludes 1, by at least
     * {@link #CAVEAT_MIN_DIFFERENCE}) and the row's ratio compares rounds of different op counts:
     * rounds sized by time (each strategy its own count), or a pair whose two opsPerRound differ.
     * Where both strategies ran the same fixed op count the ratio owes nothing to op counts: no
     * caveat. A row whose scenario the check did not measure (e.g. trapEvery=1) gets none either:
     * the check says nothing about it.
     */
    public List<ClaimRow> withCaveat(List<ClaimRow> claims, NativeRounds rounds) {
        List<ClaimRow> out = new ArrayList<>();
        for (ClaimRow row : claims) {
            List<Row> relevant = row.harness() == Harness.NATIVE && row.measured() != null
                    ? movedFor(row.measured()) : List.of();
            String unequal = relevant.isEmpty() ? null : unequalOps(row.measured(), rounds);
            out.add(unequal == null ? row : new ClaimRow(row.claim(), row.harness(), row.measured(), row.verdict(),
                    row.why() + moved(relevant) + unequal
                            + ", so its ratio may owe part of itself to them, not to the strategies."));
        }
        return List.copyOf(out);
    }

    /** The differing rows of the pair's scenario and strategies, at least 1% apart. */
    private List<Row> movedFor(StrategyComparison pair) {
        return differing().stream()
                .filter(row -> row.key().scenario().equals(pair.scenario()))
                .filter(row -> row.key().strategy().equals(ScenarioKey.REOPEN)
                        || row.key().strategy().equals(ScenarioKey.MODIFY))
                .filter(row -> Math.abs(row.smallOverLarge().point() - 1) >= CAVEAT_MIN_DIFFERENCE)
                .toList();
    }

    private static String moved(List<Row> rows) {
        StringBuilder moved = new StringBuilder(" Caveat: per-op figures moved with the round size here (");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            moved.append(i == 0 ? "" : "; ").append(row.key().strategy()).append(' ')
                    .append(row.key().scenario().shortLabel()).append(": ").append(Fmt.ratio(row.smallOverLarge()))
                    .append(" at ").append(row.smallOps()).append(" over ").append(row.largeOps()).append(" ops");
        }
        return moved.append("; the 95% CI excludes 1, the sizes interleaved within one run): ").toString();
    }

    /** How the pair's rounds differ in op count, or null when both ran the same fixed count. */
    private static String unequalOps(StrategyComparison pair, NativeRounds rounds) {
        OptionalLong reopen = rounds.opsPerRound(pair.reopen());
        OptionalLong modify = rounds.opsPerRound(pair.modify());
        if (reopen.isPresent() && modify.isPresent() && reopen.getAsLong() != modify.getAsLong()) {
            return "this row's reopen ran " + reopen.getAsLong() + " ops per round and its modify "
                    + modify.getAsLong();
        }
        return rounds.sizing() == NativeRounds.Sizing.TIME
                ? "this row's rounds were sized by time, each strategy with its own op count" : null;
    }
}
