package dev.rearm.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcessVariationTest {

    /** {@code processes} processes of {@code rounds} rounds: log ns/op = log 100 + process effect + round noise. */
    private static GroupedSample simulated(long seed, int processes, int rounds, double betweenSd, double withinSd) {
        Random random = new Random(seed);
        List<double[]> groups = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            double effect = betweenSd * random.nextGaussian();
            double[] group = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                group[r] = 100 * Math.exp(effect + withinSd * random.nextGaussian());
            }
            groups.add(group);
        }
        return GroupedSample.of(groups);
    }

    @Test
    void processesThatDifferMoreThanTheirRoundsPutMostOfTheVariationBetweenProcesses() {
        ProcessVariation split = ProcessVariation.of(simulated(1, 200, 10, 0.04, 0.01)).orElseThrow();

        assertThat(split.betweenProcesses()).isCloseTo(0.04, within(0.006));
        assertThat(split.withinProcess()).isCloseTo(0.01, within(0.001));
        assertThat(split.betweenShare()).isGreaterThan(0.9);
    }

    @Test
    void processesThatAreAlikePutTheVariationInTheirRounds() {
        ProcessVariation split = ProcessVariation.of(simulated(2, 200, 10, 0, 0.02)).orElseThrow();

        assertThat(split.withinProcess()).isCloseTo(0.02, within(0.002));
        assertThat(split.betweenShare()).isLessThan(0.1);
    }

    @Test
    void roundsOfOneProcessSayNothingAboutProcesses() {
        assertThat(ProcessVariation.of(GroupedSample.ofSingles(new double[] {100, 101, 99, 100}))).isEmpty();
    }

    @Test
    void processesOfOneRoundEachHaveNoWithinProcessPart() {
        assertThat(ProcessVariation.of(GroupedSample.of(List.of(new double[] {100}, new double[] {101})))).isEmpty();
    }
}
