package dev.rearm.analysis.model;

import dev.rearm.analysis.stats.Estimate;

/**
 * One measured point of the trap-rate sweep beside the model's prediction.
 *
 * @param fitted               true for trapEvery 0 and 1: the model was fitted on them, so they match by construction
 * @param measuredOverPredicted measured speedup / predicted speedup with its 95% t interval (delta method over
 *                             the point's two samples and the four the model was fitted on): the prediction is
 *                             itself an estimate, so agreement is judged on both uncertainties, not on the
 *                             measured CI alone
 */
public record ModelPoint(int trapEvery, double trapRate, Estimate measured, double predicted, boolean fitted,
                         Estimate measuredOverPredicted) {

    /** (predicted - measured) / measured. */
    public double relativeError() {
        return (predicted - measured.point()) / measured.point();
    }

    /**
     * True when the measurement agrees with the prediction: the 95% interval of measured / predicted,
     * which carries the fit's own uncertainty as well as the point's, holds 1.
     */
    public boolean predictionInsideInterval() {
        return measuredOverPredicted.contains(1.0);
    }
}
