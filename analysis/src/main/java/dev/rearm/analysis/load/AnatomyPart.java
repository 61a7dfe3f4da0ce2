package dev.rearm.analysis.load;

/**
 * One part of {@code perfbp-bench trap-anatomy} as native.json recorded it: the trapping loop's
 * and the plain loop's ns per op in each measured round, or why the part was not run.
 *
 * @param kind      "watchpoint" (a perf configuration) or "reference" (no perf: int3, single-step, ...)
 * @param processes how many processes the rounds came from: 1 for every native.json so far
 */
public record AnatomyPart(String name, String kind, String notRunReason, double[] trapNsPerOp,
                          double[] plainNsPerOp, int processes) {

    /** A part whose rounds all come from one process, as the native harness runs today. */
    public AnatomyPart(String name, String kind, String notRunReason, double[] trapNsPerOp, double[] plainNsPerOp) {
        this(name, kind, notRunReason, trapNsPerOp, plainNsPerOp, 1);
    }

    public boolean measured() {
        return notRunReason == null;
    }

    /** The per-round cost of one trap: the trapping loop's ns per op less the plain loop's. */
    public double[] nsPerTrap() {
        double[] out = new double[trapNsPerOp.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = trapNsPerOp[i] - plainNsPerOp[i];
        }
        return out;
    }
}
