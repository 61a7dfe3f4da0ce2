package dev.rearm.analysis.profiler;

import dev.rearm.analysis.load.ProfilerCounts;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.load.ProfilerEntry;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.model.CostModel;
import dev.rearm.analysis.model.ReopenBreakdown;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.GroupedSample;
import dev.rearm.analysis.stats.MeanInterval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A watchpoint tool's overhead predicted from parts the same run measured, beside what the
 * profiler matrix measured. Nothing is fitted: every part is a measured figure times a count the
 * tool recorded, and none is taken from the overhead it predicts.
 *
 * <p>From the move loop (measured elsewhere in the run), per round: samples x the sampler's cost
 * (sampler-only run less no tool, per sample) + arms x one arm + traps x one trap + disarms x one
 * disarm, where an arm and a disarm come from the move matrices (reopen: the phase pass's open +
 * fcntl + mmap and munmap + close; modify: one modify ioctl for an arm or an eviction, and one for
 * the IOC_DISABLE after a trap) and a trap from the cost model (trapEvery=1 less 0, notify=signal:
 * its signal is delivered to a handler, so a trap signal's delivery is inside it).
 *
 * <p>From the tool's own rounds, the parts the move loop cannot show:
 * <ul>
 * <li>{@link #HANDLER_WORK}: the time inside the two handlers less the system calls they timed
 * (clock reads, the slot policy, reading the rings), less what the sampler-only run's handler
 * spent per sample the same way, which the sampling part already holds;</li>
 * <li>{@link #SYSCALLS_IN_TOOL}: the tool's system calls as it timed them inside its handlers,
 * less what the move loop's figures give for the same calls (a call made from a signal handler
 * between stretches of the workload runs colder than in a tight loop);</li>
 * <li>{@link #CACHE_AFTER}: the no-tool probe right after this run's rounds less that after the
 * no-tool run's rounds (the cache and TLB state a round of the tool left), per round.</li>
 * </ul>
 * What the parts leave is the remainder, given per run with the measured overhead's interval.
 */
public final class ProfilerPrediction {
    public static final String HANDLER_WORK = "handler work beyond its system calls";
    public static final String SYSCALLS_IN_TOOL = "system calls in the tool beyond the move loop's";
    public static final String CACHE_AFTER = "cache and TLB state after the round";
    /** An error within this share of the measurement counts as predicted. */
    public static final double TOLERANCE = 0.15;

    /** The tool's system calls among its timed phases; ringRead (reading a ring) is the handler's own work. */
    static final Set<String> SYSTEM_CALLS = Set.of("open", "fcntl", "mmap", "munmap", "close", "modify", "disable");

    /** A part the tool's rounds measure, or why this file cannot give it (ns is then null). */
    public record Part(String name, Double ns, String notMeasured) {
        static Part of(String name, double ns) {
            return new Part(name, ns, null);
        }

        static Part missing(String name, String why) {
            return new Part(name, null, why);
        }

        public boolean measured() {
            return ns != null;
        }
    }

    /**
     * One tool run: its measured CPU overhead per round (tool less no tool, Welch interval over
     * rounds), the move loop's terms and the tool's own parts (ns per round).
     */
    public record Row(ProfilerEntry entry, Estimate measured, Map<String, Double> termsNs, List<Part> parts) {
        public double measuredNs() {
            return measured.point();
        }

        /** The prediction from the move loop's parts alone (what the report gave before the tool's own parts). */
        public double movePartsNs() {
            return termsNs.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Every measured part, the move loop's and the tool's own. */
        public double predictedNs() {
            return movePartsNs() + parts.stream().filter(Part::measured).mapToDouble(Part::ns).sum();
        }

        public double relativeError() {
            return (predictedNs() - measuredNs()) / measuredNs();
        }

        public double movePartsError() {
            return (movePartsNs() - measuredNs()) / measuredNs();
        }

        public boolean predicted() {
            return Math.abs(relativeError()) <= TOLERANCE;
        }

        /**
         * What the parts do not explain: measured less predicted, with the measured overhead's
         * interval (the parts are taken as their point figures).
         */
        public Estimate remainder() {
            double predicted = predictedNs();
            return new Estimate(measured.point() - predicted, measured.low() - predicted, measured.high() - predicted,
                    measured.level(), measured.groups(), measured.processes());
        }

        public String dominant() {
            Map<String, Double> all = new LinkedHashMap<>(termsNs);
            parts.stream().filter(Part::measured).forEach(p -> all.put(p.name(), p.ns()));
            return all.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        }
    }

    private ProfilerPrediction() {
    }

    /** Empty without a no-tool and a sampler-only run per workload and rate, the phases, or the cost model. */
    public static List<Row> of(ProfilerData data, Optional<ReopenBreakdown> phases, Optional<CostModel> model) {
        List<Row> rows = new ArrayList<>();
        if (phases.isEmpty() || model.isEmpty()) {
            return rows;
        }
        Map<String, Double> ph = phases.get().phasesNs();
        CostModel m = model.get();
        double reopenArm = ph.getOrDefault("open", 0.0) + ph.getOrDefault("fcntl", 0.0) + ph.getOrDefault("mmap", 0.0);
        double reopenDisarm = ph.getOrDefault("munmap", 0.0) + ph.getOrDefault("close", 0.0);
        for (ProfilerEntry tool : data.entries()) {
            boolean reopen = tool.strategy().equals(ScenarioKey.REOPEN);
            if (!reopen && !tool.strategy().equals(ScenarioKey.MODIFY)) {
                continue;
            }
            Optional<ProfilerEntry> none = data.find(tool.workload(), ProfilerEntry.NONE, 0);
            Optional<ProfilerEntry> sampler = data.find(tool.workload(), ProfilerEntry.SAMPLER, tool.rate());
            if (none.isEmpty() || sampler.isEmpty() || sampler.get().counts().samples() == 0) {
                continue;
            }
            double noneNs = none.get().cpuNs().grandMean();
            ProfilerCounts s = sampler.get().counts();
            double perSample = (sampler.get().cpuNs().grandMean() - noneNs) / s.perRound(s.samples());
            ProfilerCounts c = tool.counts();
            Map<String, Double> terms = new LinkedHashMap<>();
            terms.put("sampling", c.perRound(c.samples()) * perSample);
            terms.put("arming", c.perRound(c.armed()) * (reopen ? reopenArm : m.modifyMoveNs()));
            terms.put("traps", c.perRound(c.traps()) * (reopen ? m.reopenTrapNs() : m.modifyTrapNs()));
            // reopen tears a slot down after a trap and before an eviction's arm; modify moves an
            // evicted slot in its one arming ioctl, so only a trap's IOC_DISABLE is a disarm.
            terms.put("disarming", reopen ? c.perRound(c.disarmedOnTrap() + c.replaced()) * reopenDisarm
                    : c.perRound(c.disarmedOnTrap()) * m.modifyMoveNs());
            double movedCallsNs = terms.get("arming") + terms.get("disarming");
            List<Part> parts = List.of(handlerWork(c, s), syscallsInTool(c, movedCallsNs),
                    cacheAfter(tool, none.get()));
            rows.add(new Row(tool, overhead(tool.cpuNs(), none.get().cpuNs()), terms, parts));
        }
        return rows;
    }

    private static Estimate overhead(GroupedSample tool, GroupedSample none) {
        return MeanInterval.difference(tool.groupMeans(), none.groupMeans(), Estimate.LEVEL,
                Math.min(tool.processes(), none.processes()));
    }

    private static double systemCallNs(ProfilerCounts c) {
        return c.phases().entrySet().stream().filter(p -> SYSTEM_CALLS.contains(p.getKey()))
                .mapToDouble(p -> p.getValue().totalNs()).sum();
    }

    private static boolean timedItsCalls(ProfilerCounts c) {
        return c.armed() == 0 || c.phases().entrySet().stream()
                .anyMatch(p -> SYSTEM_CALLS.contains(p.getKey()) && p.getValue().calls() > 0);
    }

    private static Part handlerWork(ProfilerCounts tool, ProfilerCounts sampler) {
        if (tool.samplerHandlerNs() == 0 || sampler.samplerHandlerNs() == 0 || !timedItsCalls(tool)) {
            return Part.missing(HANDLER_WORK, "the file records no handler time or no timed system calls");
        }
        double toolOwn = tool.handlerNsPerRound() - systemCallNs(tool) / Math.max(1, tool.rounds());
        double samplerOwnPerSample = (sampler.samplerHandlerNs() + sampler.trapHandlerNs() - systemCallNs(sampler))
                / (double) sampler.samples();
        return Part.of(HANDLER_WORK, toolOwn - tool.perRound(tool.samples()) * samplerOwnPerSample);
    }

    private static Part syscallsInTool(ProfilerCounts tool, double movedCallsNs) {
        if (tool.armed() == 0 || !timedItsCalls(tool)) {
            return Part.missing(SYSCALLS_IN_TOOL, "the file records none of the tool's system calls");
        }
        return Part.of(SYSCALLS_IN_TOOL, systemCallNs(tool) / Math.max(1, tool.rounds()) - movedCallsNs);
    }

    private static Part cacheAfter(ProfilerEntry tool, ProfilerEntry none) {
        if (tool.afterRoundCpuNs() == null || none.afterRoundCpuNs() == null) {
            return Part.missing(CACHE_AFTER, "not measured: the file predates the after-round probe (afterRound)");
        }
        return Part.of(CACHE_AFTER, tool.afterRoundCpuNs().grandMean() - none.afterRoundCpuNs().grandMean());
    }
}
