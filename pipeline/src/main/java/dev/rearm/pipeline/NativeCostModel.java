package dev.rearm.pipeline;

import dev.rearm.perf.scenario.Notify;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How long one native matrix should take, from the harness's own plan ({@code perfbp-bench …
 * --dry-run}: its scenarios, rounds and ops) and a per-op cost per scenario. A fixed-size round
 * costs its ops; a time-sized one its target time, or its floor of ops where those take longer
 * (a 512-page reopen, ~1 ms/op, at a floor of 1000 ops takes 1 s whatever the target). An estimate for the
 * ETA line, never a result: the figures are docs/design.md's throwaway-loop leads on a 2-vCPU VM
 * (modify ~2 us; reopen ~19 us with a 1-page ring, ~930 us at 512 pages; a trap ~9 us, ~26 us
 * with its signal). Against the published -Pfull run (2026-11-26) they put matrix all at 223 s,
 * which took 241 s.
 */
final class NativeCostModel {
    static final double MODIFY_NS = 2_000;
    static final double REOPEN_ONE_PAGE_NS = 19_000;
    /** (930 - 19) us over 511 more pages: munmap and mmap grow with the ring. */
    static final double REOPEN_PER_EXTRA_PAGE_NS = 1_800;
    /** close + perf_event_open (+ fcntl): a reopen without its ring's munmap and mmap. */
    static final double REOPEN_NO_RING_NS = 8_000;
    static final double TRAP_NS = 9_000;
    static final double TRAP_WITH_SIGNAL_NS = 26_000;
    /**
     * The profiler's members run a fixed amount of work each round; the published -Pfull run's
     * profiler matrix took 1.75x its nominal work (the tool's slowdown and the calibration).
     */
    static final double PROFILER_OVERHEAD = 1.75;

    /**
     * The harness's start before its first scenario (it probes the machine, and the profiler
     * calibrates its work): a smoke run's headline of 0.04 s of ops took 0.9 s here.
     */
    static final double START_SECONDS = 1;

    /**
     * The harness's round target when the pipeline does not set one ({@code bench.native.roundMs}
     * empty, no fixed size either) and its dry run does not say: the default profile's value.
     */
    static final double DEFAULT_ROUND_MS = 100;

    private static final Pattern ROUNDS = Pattern.compile("(\\d+)\\+(\\d+) rounds");
    private static final Pattern FIXED_OPS = Pattern.compile("rounds of (\\d+) ops");
    private static final Pattern TARGET_MS = Pattern.compile("(\\d+(?:\\.\\d+)?) ?ms");
    private static final Pattern FLOOR_OPS = Pattern.compile("(\\d+) ops");
    private static final Pattern PROFILER = Pattern.compile(
            "profiler: (\\d+) workloads x (\\d+) runs, (\\d+)\\+(\\d+) rounds of ~(\\d+) ms");
    private static final Pattern SCENARIO = Pattern.compile("^\\s*\\d+\\s+([a-z-]+)\\s+(trapEvery=.*)$");
    /** perfbp-bench round-size --dry-run's header: "6 rounds of sizes 2000, 10000 ops, each batch after 1 dropped". */
    private static final Pattern ROUND_SIZE_PLAN = Pattern.compile(
            "(\\d+) rounds of sizes ([\\d, ]+) ops, each batch after (\\d+) dropped");
    private static final Pattern KEY_VALUE = Pattern.compile("(\\w+)=(\\S+)");

    /**
     * A time-sized round as the pipeline asked for it, for a dry run that does not say.
     *
     * @param ms     target milliseconds per round; 0 = not set (the harness's default)
     * @param minOps the floor of ops per round; 0 = not set (none assumed)
     */
    record RoundTime(double ms, long minOps) {
        static final RoundTime UNSET = new RoundTime(0, 0);

        /** "50" and "" as the properties give them; a value that is no number counts as unset (the harness refuses it). */
        static RoundTime of(String ms, String minOps) {
            return new RoundTime(number(ms), (long) number(minOps));
        }

        private static double number(String value) {
            try {
                return value == null || value.isBlank() ? 0 : Math.max(0, Double.parseDouble(value.trim()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    private final int nproc;
    private final RoundTime roundTime;

    NativeCostModel(int nproc) {
        this(nproc, RoundTime.UNSET);
    }

    NativeCostModel(int nproc, RoundTime roundTime) {
        this.nproc = Math.max(1, nproc);
        this.roundTime = roundTime;
    }

    /** Seconds the dry run's plan should take; 0 when the output holds no plan this model reads. */
    double seconds(List<String> dryRun) {
        double seconds = 0;
        boolean planRead = false;
        long roundsPerScenario = 0;
        RoundSize size = null;
        for (String line : dryRun) {
            Matcher rounds = ROUNDS.matcher(line);
            Matcher profiler = PROFILER.matcher(line);
            Matcher scenario = SCENARIO.matcher(line);
            if (profiler.find()) {
                seconds += Long.parseLong(profiler.group(1)) * Long.parseLong(profiler.group(2))
                        * (Long.parseLong(profiler.group(3)) + Long.parseLong(profiler.group(4)))
                        * Long.parseLong(profiler.group(5)) / 1000.0 * PROFILER_OVERHEAD;
                planRead = true;
            } else if (rounds.find()) {
                planRead = true;
                roundsPerScenario = Long.parseLong(rounds.group(1)) + Long.parseLong(rounds.group(2));
                size = roundSize(line.substring(rounds.end()));
            } else if (scenario.matches() && !line.contains("(not run") && size != null) {
                seconds += roundsPerScenario * size.seconds(opNanos(scenario.group(1), keys(scenario.group(2))));
            }
        }
        return planRead ? START_SECONDS + seconds : 0;
    }

    /**
     * Seconds perfbp-bench round-size should take, from its own dry run: per round and size, each
     * interleaved group runs once with {@code W} dropped batches before the measured one, so every
     * scenario runs rounds x (W + 1) batches of each size; 0 when the dry run states no plan or
     * lists no scenario.
     */
    double roundSizeSeconds(List<String> dryRun) {
        long opsPerScenario = -1;
        double seconds = 0;
        boolean any = false;
        for (String line : dryRun) {
            Matcher plan = ROUND_SIZE_PLAN.matcher(line);
            Matcher scenario = SCENARIO.matcher(line);
            if (plan.find()) {
                long sizes = Arrays.stream(plan.group(2).split(",")).map(String::trim)
                        .filter(size -> !size.isEmpty()).mapToLong(Long::parseLong).sum();
                opsPerScenario = sizes * Long.parseLong(plan.group(1)) * (Long.parseLong(plan.group(3)) + 1);
            } else if (scenario.matches() && !line.contains("(not run") && opsPerScenario >= 0) {
                any = true;
                seconds += opsPerScenario * opNanos(scenario.group(1), keys(scenario.group(2))) / 1e9;
            }
        }
        return any ? START_SECONDS + seconds : 0;
    }

    /** How big one round of one scenario is: a fixed op count, or a target time with a floor of ops. */
    private record RoundSize(long fixedOps, double targetMs, long floorOps) {
        double seconds(double opNanos) {
            return fixedOps > 0 ? fixedOps * opNanos / 1e9 : Math.max(targetMs / 1e3, floorOps * opNanos / 1e9);
        }
    }

    /**
     * The header after "W+R rounds": "of 10000 ops" (fixed), or a time-sized round's target and
     * floor where the harness states them ("of ~50 ms, at least 100 ops"), else the pipeline's.
     */
    private RoundSize roundSize(String rest) {
        Matcher fixed = FIXED_OPS.matcher("rounds" + rest);
        if (fixed.find()) {
            return new RoundSize(Long.parseLong(fixed.group(1)), 0, 0);
        }
        Matcher target = TARGET_MS.matcher(rest);
        Matcher floor = FLOOR_OPS.matcher(rest);
        double ms = target.find() ? Double.parseDouble(target.group(1))
                : roundTime.ms() > 0 ? roundTime.ms() : DEFAULT_ROUND_MS;
        long floorOps = floor.find() ? Long.parseLong(floor.group(1)) : roundTime.minOps();
        return new RoundSize(0, ms, floorOps);
    }

    /** One op of one thread, as the wall clock sees it: threads beyond the CPUs queue. */
    double opNanos(String strategy, Map<String, String> keys) {
        int pages = Integer.parseInt(keys.getOrDefault("pages", "1"));
        int trapEvery = Integer.parseInt(keys.getOrDefault("trapEvery", "0"));
        int threads = Integer.parseInt(keys.getOrDefault("threads", "1"));
        double move = switch (strategy) {
            case "modify" -> MODIFY_NS;
            case "disable-modify-enable" -> 3 * MODIFY_NS;
            case "reopen-nobuf" -> REOPEN_NO_RING_NS;
            default -> REOPEN_ONE_PAGE_NS + REOPEN_PER_EXTRA_PAGE_NS * (Math.max(1, pages) - 1);
        };
        double trap = trapEvery == 0 ? 0
                : (Notify.SIGNAL.key().equals(keys.get("notify")) ? TRAP_WITH_SIGNAL_NS : TRAP_NS) / trapEvery;
        return (move + trap) * Math.ceil((double) threads / nproc);
    }

    private static Map<String, String> keys(String description) {
        return KEY_VALUE.matcher(description).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2), (a, b) -> b));
    }
}
