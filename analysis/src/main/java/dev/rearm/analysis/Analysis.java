package dev.rearm.analysis;

import dev.rearm.analysis.baseline.BaselineComparison;
import dev.rearm.analysis.claims.ClaimRow;
import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.compare.NotificationTable;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.Run;
import dev.rearm.analysis.model.FittedModel;
import dev.rearm.analysis.model.ReopenBreakdown;
import dev.rearm.analysis.model.TrapAnatomy;
import dev.rearm.analysis.profiler.ProfilerOverhead;
import dev.rearm.analysis.profiler.ProfilerPrediction;
import dev.rearm.analysis.roundsize.RoundSizeCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report shows, computed once from a run (and optionally a baseline run).
 *
 * @param models   the cost model per harness that has the trapEvery 0 and 1 figures it needs
 * @param profiler the profiler matrix's slowdowns (empty when the run has none)
 * @param anatomy  what a trap costs here, part by part (empty without trap-anatomy's figures)
 * @param profilerPrediction the profiler runs' overhead predicted from the parts measured elsewhere in the run
 * @param notifications the headline per notify mode, built once for the report's section and chart
 * @param roundSize whether a per-op figure moves with the round size (round-size.json), or why it was not run
 */
public record Analysis(Run run, Comparisons comparisons, Map<Harness, FittedModel> models,
                       List<ReopenBreakdown> breakdowns, List<ClaimRow> claims,
                       Optional<BaselineComparison> baseline, long seed, int resamples, ProfilerOverhead profiler,
                       TrapAnatomy anatomy, List<ProfilerPrediction.Row> profilerPrediction,
                       RoundSizeCheck roundSize, NotificationTable notifications) {
}
