package dev.rearm.analysis.profiler;

import dev.rearm.analysis.load.ProfilerData;
import dev.rearm.analysis.model.TrapAnatomy;
import dev.rearm.analysis.stats.Estimate;
import dev.rearm.analysis.stats.MeanInterval;
import java.util.Optional;

/**
 * A signal's delivery to a handler in the run the prediction is made from: the profiler's own
 * reference (tgkill to its thread, an empty handler) or, in a file written before it, trap
 * anatomy's {@code tgkill} reference from the same native.json. The prediction adds it nowhere:
 * the sampler-only run's cost per sample holds the sampler's signal, and the cost model's trap
 * (notify=signal) holds the trap's; it is shown so a reader sees how much of those it is.
 *
 * @param source which reference gave it
 */
public record SignalDelivery(Estimate ns, String source) {
    static final String ANATOMY_REFERENCE = "tgkill";

    public static Optional<SignalDelivery> of(ProfilerData data, TrapAnatomy anatomy) {
        if (data.signalNsPerSignal() != null) {
            return Optional.of(new SignalDelivery(MeanInterval.of(data.signalNsPerSignal().groupMeans(), Estimate.LEVEL,
                    data.signalNsPerSignal().processes()), "the profiler's own reference (profiler.signalReference)"));
        }
        if (anatomy != null) {
            return anatomy.part(ANATOMY_REFERENCE).filter(TrapAnatomy.PartCost::measured)
                    .map(p -> new SignalDelivery(p.nsPerTrap(), "trap anatomy's `tgkill` reference in the same run"));
        }
        return Optional.empty();
    }
}
