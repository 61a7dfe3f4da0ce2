package dev.rearm.analysis.load;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How the native harness sized its rounds: by time (a target per round, a floor of ops, the op
 * count calibrated in warm-up, so each scenario gets its own) or by a fixed op count. Runs made
 * before time sizing (the published reference run) are fixed-size with {@code settings.iterations}.
 *
 * @param roundMs     the target per round (time-sized), else null
 * @param minOps      the floor of ops per round (time-sized), else null
 * @param iterations  the ops of every round (fixed-size), else null
 * @param opsPerRound {@link #key(String, ScenarioKey)} -> ops of each of the scenario's measured rounds, per thread
 */
public record NativeRounds(Sizing sizing, Double roundMs, Long minOps, Long iterations, Map<String, Long> opsPerRound) {

    /** NONE: the harness ran no moves (a profiler-only file), so no round size was ever used. */
    public enum Sizing { TIME, FIXED, NONE, UNKNOWN }

    public NativeRounds {
        opsPerRound = Map.copyOf(opsPerRound);
    }

    /** A run without native.json, or one whose native.json says nothing about its rounds. */
    public static NativeRounds unknown() {
        return new NativeRounds(Sizing.UNKNOWN, null, null, null, Map.of());
    }

    /** A native.json without a move result: its settings' round size sized nothing. */
    public static NativeRounds noMoves() {
        return new NativeRounds(Sizing.NONE, null, null, null, Map.of());
    }

    /** A scenario as measured by one source (a matrix): two matrices may size the same scenario's rounds apart. */
    static String key(String source, ScenarioKey key) {
        return source + " " + key.label();
    }

    /** The ops of each round of {@code key} in {@code source}: its own figure, else the fixed size the whole file used. */
    public OptionalLong opsPerRound(String source, ScenarioKey key) {
        Long ops = opsPerRound.get(key(source, key));
        if (ops != null) {
            return OptionalLong.of(ops);
        }
        return iterations == null ? OptionalLong.empty() : OptionalLong.of(iterations);
    }

    /** The ops of each round of a measurement's scenario in its source; empty for no measurement. */
    public OptionalLong opsPerRound(Measurement measurement) {
        return measurement == null ? OptionalLong.empty() : opsPerRound(measurement.source(), measurement.key());
    }

    /**
     * "rounds sized by time: ~100 ms each (floor 200 ops)", "fixed 2000 ops per round", "no moves
     * ran", or null when unknown.
     */
    public String describe() {
        return switch (sizing) {
            case TIME -> "rounds sized by time: ~" + (roundMs == null ? "?" : number(roundMs)) + " ms each"
                    + (minOps == null ? "" : " (floor " + minOps + " ops)");
            case FIXED -> iterations == null ? "fixed ops per round" : "fixed " + iterations + " ops per round";
            case NONE -> "no moves ran";
            case UNKNOWN -> null;
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
