package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * moves sizes its rounds by time unless --iterations fixes them (issue 13): each strategy's first
 * warm-up round calibrates the ops every later round runs, a multiple of lcm(slots, trapEvery)
 * with at least 10 trapping ops, never below --min-ops. Bad sizing input is refused here for
 * real; the runs need a trap for their premise and skip where no watchpoint fires.
 */
@Tag(KernelSupport.TRAPS_TAG)
class TimeSizedRoundsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--round-ms, 0, 'from 1 to 60000'",
        "--round-ms, 60001, 'from 1 to 60000'",
        "--round-ms, fast, 'from 1 to 60000'",
        "--min-ops, 0, 'from 1 to 1000000000'",
        "--min-ops, -3, 'from 1 to 1000000000'",
    })
    void sizingValueOutOfRangeIsRefusedWithItsRange(String option, String value, String valid) {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", option, value);

        RefusedInput.assertRefusedInOneLine(dir, run, option + " " + value, valid);
    }

    @Test
    void timeSizedRoundsWithoutAWarmupRoundToCalibrateInAreRefused() {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--round-ms", "50", "--warmup", "0");

        RefusedInput.assertRefusedInOneLine(dir, run, "--warmup 0", "--round-ms 50", "calibrated", "--warmup 1");
    }

    @Test
    void theDefaultIsTimeSizedSoWarmupZeroAloneIsRefusedAndNamesIterations() {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--warmup", "0");

        RefusedInput.assertRefusedInOneLine(dir, run, "--warmup 0", "the default without --iterations", "--iterations N");
    }

    @Test
    void fixedRoundsStillTakeWarmupZero() {
        Harness.assumeWatchpoints();
        HarnessRun run = Harness.run("moves", "--iterations", "100", "--warmup", "0", "--dry-run");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
    }

    @Test
    void roundsSizedBothByOpsAndByTimeAreRefused() {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--iterations", "500", "--round-ms", "50");

        RefusedInput.assertRefusedInOneLine(dir, run, "--iterations 500", "--round-ms 50", "not both");
    }

    @Test
    void aFloorForFixedRoundsIsRefused() {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--iterations", "500", "--min-ops", "100");

        RefusedInput.assertRefusedInOneLine(dir, run, "--min-ops 100", "--iterations 500");
    }

    @Test
    void dryRunSaysRoundsAreTimeSizedByDefault() {
        Harness.assumeWatchpoints();
        HarnessRun run = Harness.run("moves", "--dry-run");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines().findFirst().orElseThrow())
                .contains("2+10 rounds of ~50 ms each", "at least 200 ops");
    }

    @Test
    void dryRunWithIterationsKeepsTheFixedRoundsLine() {
        Harness.assumeWatchpoints();
        HarnessRun run = Harness.run("moves", "--iterations", "500", "--dry-run");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines().findFirst().orElseThrow()).endsWith("2+10 rounds of 500 ops");
        assertThat(run.stdout()).doesNotContain("calibrates on");
    }

    /** The calibration round runs the floor rounded as every round is: 10 traps at least, a multiple of trapEvery. */
    @Test
    void calibrationRoundRunsTheFloorRoundedToWholeTrapPeriodsAndTenTraps() {
        Harness.assumeWatchpoints();
        HarnessRun run = Harness.run("moves", "--strategy", "modify", "--trapEvery", "0,7,64", "--min-ops", "200",
                "--dry-run");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> scenarios = run.stdout().lines().filter(line -> line.matches("^\\s*\\d+ .*")).toList();
        assertThat(scenarios).hasSize(3);
        assertThat(scenarios.get(0)).contains("trapEvery=0 ").endsWith("(calibrates on 200 ops)");
        assertThat(scenarios.get(1)).contains("trapEvery=7 ").endsWith("(calibrates on 203 ops)");
        assertThat(scenarios.get(2)).contains("trapEvery=64 ").endsWith("(calibrates on 640 ops)");
    }

    /** Clamping such a round to the largest one would leave it 5 traps (or above the largest): refused instead. */
    @Test
    void aTrapPeriodWhoseTenTrapsCannotFitTheLargestRoundIsRefusedNamingIterations() {
        Harness.assumeWatchpoints();
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--trapEvery", "200000000");

        RefusedInput.assertRefusedInOneLine(dir, run, "--trapEvery 200000000 with slots 1", "at least 10 trapping ops",
                "at least 2000000000 ops", "above the largest round (1000000000)", "--iterations N");
    }

    @Test
    void aTrapPeriodWhoseSlotMultipleAloneExceedsTheLargestRoundIsRefused() {
        Harness.assumeWatchpoints();
        int slots = Math.min(3, KernelSupport.debugRegisters());
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", "--trapEvery", "2147483647", "--slots",
                String.valueOf(slots));

        RefusedInput.assertRefusedInOneLine(dir, run, "--trapEvery 2147483647 with slots " + slots,
                "lcm(slots, trapEvery) = " + 2147483647L * slots + " ops", "--iterations N");
    }

    @Test
    void theLongestTrapPeriodWhoseTenTrapsFitCalibratesOnTheLargestRound() {
        Harness.assumeWatchpoints();
        HarnessRun run = Harness.run("moves", "--strategy", "modify", "--trapEvery", "100000000", "--dry-run");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("trapEvery=100000000 ").contains("(calibrates on 1000000000 ops)");
    }

    @Test
    void fixedRoundsTakeATrapPeriodTimeSizedRoundsCannotHold() {
        Harness.assumeWatchpoints();
        HarnessRun run = Harness.run("moves", "--trapEvery", "200000000", "--iterations", "1000", "--dry-run");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--round-ms, 50", "--min-ops, 300"})
    void moveRoundSizingIsNotAnOptionOfTheProfiler(String option, String value) {
        HarnessRun run = RefusedInput.runWithOut(dir, "profiler", option, value);

        RefusedInput.assertRefusedInOneLine(dir, run, "unknown option '" + option + "'", "--work");
    }

    @Test
    void timeSizedRoundsRunTheSameWholeTrapAndSlotPeriodsInEveryMeasuredRound() {
        Harness.assumeTraps();
        int slots = Math.min(2, KernelSupport.debugRegisters());
        Path out = dir.resolve("native.json");
        HarnessRun run = Harness.run("moves", "--strategy", "reopen,modify", "--trapEvery", "0,3", "--slots",
                String.valueOf(slots), "--round-ms", "5", "--min-ops", "50", "--rounds", "3", "--warmup", "1",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = Harness.read(out);

        JsonNode settings = doc.path("settings");
        assertThat(settings.path("roundSizing").asText()).isEqualTo("time");
        assertThat(settings.path("roundMs").asInt()).isEqualTo(5);
        assertThat(settings.path("minOps").asInt()).isEqualTo(50);
        assertThat(settings.has("iterations")).as("no fixed iterations when rounds are sized by time").isFalse();
        assertThat(doc.path("results")).hasSize(4);
        for (JsonNode result : doc.path("results")) {
            int trapEvery = result.path("trapEvery").asInt();
            long step = lcm(slots, Math.max(1, trapEvery));
            long ops = result.path("opsPerRound").asLong();
            long calibration = floorRounded(50, step, trapEvery);

            assertThat(ops % step).as("opsPerRound %d of %s is a multiple of lcm(slots, trapEvery)", ops, result).isZero();
            assertThat(ops).as("floor").isGreaterThanOrEqualTo(50);
            if (trapEvery > 0) {
                assertThat(ops / trapEvery).as("trapping ops per round").isGreaterThanOrEqualTo(10);
            }
            assertThat(result.path("iterations").asLong()).isEqualTo(ops);
            // The calibration round ran the floor, every measured round opsPerRound: nothing else adds up.
            long phaseOps = result.path("phaseOps").asLong(0);
            assertThat(result.path("traps").path("ops").asLong()).as("ops of %s", result)
                    .isEqualTo(calibration + 3 * ops + phaseOps);
            if (result.has("phaseOps")) {
                assertThat(phaseOps).as("the phase pass runs the calibrated round size").isEqualTo(ops);
            }
        }
    }

    @Test
    void fixedRoundsRecordTheirIterationsAsEveryScenariosOpsPerRound() {
        Harness.assumeTraps();
        JsonNode doc = Harness.runTiny(dir.resolve("native.json"), "--matrix", "headline");

        assertThat(doc.path("settings").path("roundSizing").asText()).isEqualTo("fixed");
        assertThat(doc.path("settings").has("roundMs")).isFalse();
        assertThat(doc.path("settings").has("minOps")).isFalse();
        assertThat(doc.path("results")).extracting(r -> r.path("strategy").asText() + " trapEvery="
                + r.path("trapEvery").asInt()).as("the headline's scenarios").containsExactlyInAnyOrder(
                        "reopen trapEvery=0", "modify trapEvery=0", "reopen trapEvery=1", "modify trapEvery=1");
        for (JsonNode result : doc.path("results")) {
            assertThat(result.path("opsPerRound").asInt()).isEqualTo(Harness.tinyIterations());
        }
    }

    private static long floorRounded(long floor, long step, int trapEvery) {
        long ops = trapEvery > 0 ? Math.max(floor, 10L * trapEvery) : floor;
        return (ops + step - 1) / step * step;
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long r = x % y;
            x = y;
            y = r;
        }
        return a / x * b;
    }
}
