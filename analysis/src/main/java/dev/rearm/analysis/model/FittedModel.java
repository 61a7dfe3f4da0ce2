package dev.rearm.analysis.model;

import dev.rearm.analysis.load.Harness;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The cost model fitted on one harness's measurements, and how well it predicts the points of the
 * trap-rate sweep it was not fitted on.
 *
 * @param source where the fitting figures came from (a JMH class or a native matrix)
 */
public record FittedModel(Harness harness, String source, CostModel model, List<ModelPoint> points) {

    /** The largest |relative error| over the points not used for fitting; empty when there are none. */
    public OptionalDouble maxPredictionError() {
        return points.stream().filter(p -> !p.fitted()).mapToDouble(p -> Math.abs(p.relativeError())).max();
    }

    public long checkedPoints() {
        return points.stream().filter(p -> !p.fitted()).count();
    }
}
