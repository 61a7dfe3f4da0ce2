package dev.rearm.analysis.profiler;

import dev.rearm.analysis.load.ProfilerCounts;
import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.load.ProfilerEntry;
import dev.rearm.analysis.load.ScenarioKey;
import dev.rearm.analysis.model.CostModel;
import dev.rearm.analysis.model.ReopenBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A watchpoint tool's overhead predicted from the parts the same run measured elsewhere, beside
 * what the profiler matrix measured: per round, samples x the sampler's cost (sampler-only run
 * less no tool, per sample) + arms x one arm + traps x one trap + disarms x one disarm, where an
 * arm and a disarm come from the move matrices (reopen: the phase pass's open + fcntl + mmap and
 * munmap + close; modify: one modify ioctl each, the disarm's IOC_DISABLE taken as costing the
 * same) and a trap from the cost model (trapEvery=1 less 0, per strategy). The error says how far
 * the parts explain the tool; the largest term says what dominates.
 */
public final class ProfilerPrediction {
    /** One tool run: measured and predicted CPU overhead per round (ns), and the predicted terms. */
    public record Row(ProfilerEntry entry, double measuredNs, double predictedNs, Map<String, Double> termsNs) {
        public double relativeError() {
            return (predictedNs - measuredNs) / measuredNs;
        }

        public String dominant() {
            return termsNs.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
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
            double perSample = (sampler.get().cpuNs().grandMean() - noneNs)
                    / perRound(sampler.get().counts(), sampler.get().counts().samples());
            ProfilerCounts c = tool.counts();
            Map<String, Double> terms = new LinkedHashMap<>();
            terms.put("sampling", perRound(c, c.samples()) * perSample);
            terms.put("arming", perRound(c, c.armed()) * (reopen ? reopenArm : m.modifyMoveNs()));
            terms.put("traps", perRound(c, c.traps()) * (reopen ? m.reopenTrapNs() : m.modifyTrapNs()));
            terms.put("disarming", perRound(c, c.disarmedOnTrap() + c.replaced())
                    * (reopen ? reopenDisarm : m.modifyMoveNs()));
            double predicted = terms.values().stream().mapToDouble(Double::doubleValue).sum();
            rows.add(new Row(tool, tool.cpuNs().grandMean() - noneNs, predicted, terms));
        }
        return rows;
    }

    private static double perRound(ProfilerCounts c, long total) {
        return (double) total / Math.max(1, c.rounds());
    }
}
