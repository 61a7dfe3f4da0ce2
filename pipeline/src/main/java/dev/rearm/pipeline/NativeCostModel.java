package dev.rearm.pipeline;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How long one native matrix should take, from the harness's own plan ({@code perfbp-bench …
 * --dry-run}: its scenarios, rounds and ops) and a per-op cost per scenario. An estimate for the
 * ETA line, never a result: the figures are DESIGN.md's throwaway-loop leads on a 2-vCPU VM
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

    private static final Pattern ROUNDS = Pattern.compile("(\\d+)\\+(\\d+) rounds of (\\d+) ops");
    private static final Pattern PROFILER = Pattern.compile(
            "profiler: (\\d+) workloads x (\\d+) runs, (\\d+)\\+(\\d+) rounds of ~(\\d+) ms");
    private static final Pattern SCENARIO = Pattern.compile("^\\s*\\d+\\s+([a-z-]+)\\s+(trapEvery=.*)$");
    private static final Pattern KEY_VALUE = Pattern.compile("(\\w+)=(\\S+)");

    private final int nproc;

    NativeCostModel(int nproc) {
        this.nproc = Math.max(1, nproc);
    }

    /** Seconds the dry run's plan should take; 0 when the output holds no plan this model reads. */
    double seconds(List<String> dryRun) {
        double seconds = 0;
        boolean planRead = false;
        long roundsPerScenario = 0;
        long ops = 0;
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
                ops = Long.parseLong(rounds.group(3));
            } else if (scenario.matches() && !line.contains("(not run")) {
                seconds += roundsPerScenario * ops * opNanos(scenario.group(1), keys(scenario.group(2))) / 1e9;
            }
        }
        return planRead ? START_SECONDS + seconds : 0;
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
                : ("signal".equals(keys.get("notify")) ? TRAP_WITH_SIGNAL_NS : TRAP_NS) / trapEvery;
        return (move + trap) * Math.ceil((double) threads / nproc);
    }

    private static Map<String, String> keys(String description) {
        return KEY_VALUE.matcher(description).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2), (a, b) -> b));
    }
}
