package dev.rearm.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesEqualCommonsMathR7OnTheExpandedSample() {
        Well19937c random = new Well19937c(11);
        Map<Double, Long> bins = new LinkedHashMap<>();
        List<Double> expanded = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double value = 1_000 + random.nextInt(5_000);
            long count = 1 + random.nextInt(40);
            bins.merge(value, count, Long::sum);
            for (long c = 0; c < count; c++) {
                expanded.add(value);
            }
        }
        double[] values = expanded.stream().mapToDouble(Double::doubleValue).toArray();
        LatencyHistogram histogram = LatencyHistogram.of(bins);
        Percentile r7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (double p : new double[] {1, 25, 50, 90, 99, 99.9, 100}) {
            assertThat(histogram.percentile(p)).as("p%s", p).isCloseTo(r7.evaluate(values, p), within(1e-9));
        }
        assertThat(histogram.sampleCount()).isEqualTo(values.length);
    }
}
