package dev.rearm.analysis.model;

import dev.rearm.analysis.stats.Estimate;

/**
 * One measured point of the trap-rate sweep beside the model's prediction.
 *
 * @param fitted        true for trapEvery 0 and 1: the model was fitted on them, so they match by construction
 * @param relativeError (predicted - measured) / measured
 */
public record ModelPoint(int trapEvery, double trapRate, Estimate measured, double predicted, boolean fitted) {

    public double relativeError() {
        return (predicted - measured.point()) / measured.point();
    }

    public boolean predictionInsideInterval() {
        return measured.contains(predicted);
    }
}
