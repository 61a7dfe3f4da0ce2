package dev.rearm.analysis.load;

import java.util.Map;

/**
 * What the profiler's tool did over a run's measured rounds (totals; {@link #perRound} divides).
 *
 * @param phases time inside the handlers per system call kind (open, mmap, close, munmap, fcntl,
 *               modify, disable, ringRead), in file order
 */
public record ProfilerCounts(int rounds, long samples, long armed, long replaced, long traps, long trapSignals,
                             long disarmedOnTrap, long valueChanged, long samplerHandlerNs, long trapHandlerNs,
                             Map<String, PhaseTime> phases) {

    /** Calls of one kind and the time they took, summed over the measured rounds. */
    public record PhaseTime(long calls, long totalNs) {
        public double meanNs() {
            return calls == 0 ? 0 : (double) totalNs / calls;
        }
    }

    public double perRound(long total) {
        return rounds == 0 ? 0 : (double) total / rounds;
    }

    /** Time inside both handlers per round. */
    public double handlerNsPerRound() {
        return perRound(samplerHandlerNs + trapHandlerNs);
    }

    public double phaseNsPerRound(String phase) {
        PhaseTime time = phases.get(phase);
        return time == null ? 0 : perRound(time.totalNs());
    }
}
