package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
    void stepsOfAKindThatTookLongerThanEstimatedScaleTheRestOfThatKindOnly() {
        RunEstimate twoJmhRuns = new RunEstimate(List.of(new RunEstimate.Step("native harness, matrix all (1/1)", 60),
                new RunEstimate.Step("JMH suite (1/2)", 10), new RunEstimate.Step("JMH Slots (2/2)", 20),
                new RunEstimate.Step("analysis", 4)));

        twoJmhRuns.finished("native harness, matrix all (1/1)", Duration.ofSeconds(60));
        twoJmhRuns.finished("JMH suite (1/2)", Duration.ofSeconds(30));

        assertThat(twoJmhRuns.progressLine("JMH Slots (2/2)", Duration.ofSeconds(90)))
                .as("20 s x 3 for the JMH step, the analysis as estimated").endsWith("about 1m04s left (estimate)");
    }

    @Test
    void aStepFarBelowASecondSaysTooLittleToScaleBy() {
        RunEstimate tiny = new RunEstimate(List.of(new RunEstimate.Step("native harness, matrix headline (1/2)", 0.1),
                new RunEstimate.Step("native harness, matrix pages (2/2)", 100)));

        tiny.finished("native harness, matrix headline (1/2)", Duration.ofSeconds(1));

        assertThat(tiny.progressLine("native harness, matrix pages (2/2)", Duration.ofSeconds(1)))
                .endsWith("about 1m40s left (estimate)");
    }

    @Test
    void theReportStepReadsTheEstimateAndWhatEachStepTookBackFromRunJson() {
        RunRecord record = BlankRunRecord.start();
        estimate.writeTo(record.section("estimate"));
        record.addStep("JMH suite (1/1)", List.of("java"), Instant.EPOCH, Instant.EPOCH.plusSeconds(240), "ok");

        RunEstimate read = RunEstimate.readFrom(record.json());

        assertThat(record.json().path("estimate").path("seconds").asLong()).isEqualTo(365);
        assertThat(read.progressLine("analysis", Duration.ofMinutes(6)))
                .isEqualTo("[rearm] step 4/4 analysis: elapsed 6m00s, about 4s left (estimate)");
    }

    @Test
    void aRunRecordedBeforeEstimatesHasAnEmptyOne() {
        RunEstimate none = RunEstimate.readFrom(JsonFiles.MAPPER.createObjectNode());

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
