package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunEstimateTest {
    private final RunEstimate estimate = new RunEstimate(List.of(new RunEstimate.Step("probe", 1),
            new RunEstimate.Step("native harness, matrix all (1/1)", 240), new RunEstimate.Step("JMH suite (1/1)", 120),
            new RunEstimate.Step("analysis", 4)));

    @Test
    void eachStepSaysWhereTheRunIsAndHowMuchOfTheEstimateIsLeftFromThatStepOn() {
        assertThat(estimate.progressLine("JMH suite (1/1)", Duration.ofSeconds(130)))
                .isEqualTo("[rearm] step 3/4 JMH suite (1/1): elapsed 2m10s, about 2m04s left (estimate)");
    }

    @Test
    void theStartLineGivesTheWholeRunAndSaysItIsAnEstimate() {
        assertThat(estimate.planLine()).startsWith("[rearm] this run: 4 steps, about 6m05s in all (an estimate from "
                + "the profile's plan");
    }

    @Test
    void aStepTheEstimateDoesNotKnowGetsNoLine() {
        assertThat(estimate.progressLine("JMH something else", Duration.ZERO)).isNull();
    }

    @Test
    void theReportStepReadsTheEstimateBackFromRunJson() {
        ObjectNode section = JsonFiles.MAPPER.createObjectNode();
        estimate.writeTo(section);

        RunEstimate read = RunEstimate.readFrom(section);

        assertThat(section.path("seconds").asLong()).isEqualTo(365);
        assertThat(read.progressLine("analysis", Duration.ofMinutes(6)))
                .isEqualTo("[rearm] step 4/4 analysis: elapsed 6m00s, about 4s left (estimate)");
    }

    @Test
    void aRunRecordedBeforeEstimatesHasAnEmptyOne() {
        RunEstimate none = RunEstimate.readFrom(JsonFiles.MAPPER.createObjectNode().path("estimate"));

        assertThat(none.totalSeconds()).isZero();
        assertThat(none.progressLine("analysis", Duration.ZERO)).isNull();
    }

    @Test
    void durationsReadLikeTheHarnesssOwn() {
        assertThat(RunEstimate.duration(42.4)).isEqualTo("42s");
        assertThat(RunEstimate.duration(365)).isEqualTo("6m05s");
        assertThat(RunEstimate.duration(3725)).isEqualTo("1h02m");
    }
}
