package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.IndependentWatchpointCheck;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * perfbp-bench round-size (issue 12 item 8): the same scenarios as moves at two or more round
 * sizes, interleaved, written as round-size.json. Its bad input, help and plan are checked here
 * for real; the run itself needs a trap for its premise and skips where no watchpoint fires.
 */
@Tag(KernelSupport.TRAPS_TAG)
class RoundSizeCommandTest {
    private static final List<String> SCENARIO_KEYS =
            List.of("strategy", "trapEvery", "notify", "pages", "bpType", "bpLen", "threads", "slots");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "--sizes {0}")
    @ValueSource(strings = {"0", "10", "abc", "2000,2000", "2000,0", "-5,10", "2000,,10000", "1000000001,2000"})
    void sizesThatCompareNothingOrLieOutsideTheIterationsRangeAreRefused(String sizes) {
        HarnessRun run = RefusedInput.runWithOut(dir, "round-size", "--sizes", sizes);

        RefusedInput.assertRefusedInOneLine(dir, run, "--sizes " + sizes, "at least two different sizes",
                "from 1 to 1000000000");
    }

    @Test
    void sizesWithoutTheirValueAreRefused() {
        HarnessRun run = Harness.run("round-size", "--sizes");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).singleElement().asString().contains("--sizes", "valid", "at least two");
    }

    @Test
    void sizeThatWouldTrapAtAnotherRateIsRefusedNamingAMultipleThatFits() {
        Harness.assumeWatchpoints();
        HarnessRun run = RefusedInput.runWithOut(dir, "round-size", "--trapEvery", "3", "--sizes", "2000,9000");

        RefusedInput.assertRefusedInOneLine(dir, run, "--sizes 2000,9000", "2000 ops", "trapEvery 3", "2001");
    }

    /** No size within --iterations' range could hold 10 traps at this period: refused before any size is checked. */
    @Test
    void aTrapPeriodNoSizeCanHoldTenTrapsOfIsRefusedNamingMovesFixedRounds() {
        Harness.assumeWatchpoints();
        HarnessRun run = RefusedInput.runWithOut(dir, "round-size", "--trapEvery", "200000000");

        RefusedInput.assertRefusedInOneLine(dir, run, "--trapEvery 200000000 with slots 1", "at least 2000000000 ops",
                "perfbp-bench moves --iterations N");
    }

    @Test
    void movesSizingOptionsAreNotRoundSizes() {
        HarnessRun run = RefusedInput.runWithOut(dir, "round-size", "--iterations", "2000");

        RefusedInput.assertRefusedInOneLine(dir, run, "--iterations", "--sizes");
    }

    @Test
    void helpShowsItsOptionsItsOutputAndNoOtherCommandsSizing() {
        HarnessRun run = Harness.run("round-size", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).startsWith("usage: perfbp-bench round-size")
                .doesNotContain("\n  --iterations", "\n  --round-ms", "\n  --min-ops", "\n  --workload");
        assertThat(run.stdout().replaceAll("\\s+", " ")).contains("--scenarios", "--sizes", "--rounds", "--warmup",
                "--out", "--dry-run", "--strategy", "--trapEvery", "default 2000,10000", "default 6", "default 1",
                "default round-size.json", "rearm.round-size/1", "bySize", "EXIT STATUS");
    }

    @Test
    void theCommandsHelpListsRoundSize() {
        assertThat(Harness.run("--help").stdout()).contains("\n  round-size ");
    }

    @Test
    void byDefaultItSizesTheHeadlinesNeverTrappingPairAtTheOldProfilesSizes() {
        Harness.assumeWatchpoints();
        HarnessRun run = Harness.run("round-size", "--dry-run");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines().findFirst().orElseThrow())
                .contains("headline", "2 scenarios", "6 rounds of sizes 2000, 10000 ops", "after 1 dropped");
        assertThat(run.stdout().lines().filter(line -> line.matches("^\\s*\\d+ .*")).toList())
                .satisfiesExactly(reopen -> assertThat(reopen).contains("reopen", "trapEvery=0 "),
                        modify -> assertThat(modify).contains("modify", "trapEvery=0 "));
    }

    /** Where watchpoints open but never fire, round-size stops before measuring with moves' reason. */
    @Test
    void whereNoWatchpointFiresItExitsThreeWithMovesReasonAndWritesNothing() {
        IndependentWatchpointCheck.Verdict verdict = IndependentWatchpointCheck.verdict();
        HostPrecondition.assume(verdict.opens() && !verdict.fires(), () -> "watchpoints fire here: " + verdict.detail());
        Path out = dir.resolve("round-size.json");

        HarnessRun run = Harness.run("round-size", "--rounds", "1", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderr()).contains("no watchpoint fires here", "nothing is measured");
        assertThat(out).doesNotExist();
    }

    @Test
    void writesEachScenarioWithOneFigurePerRoundAtEverySizeAndItsLivenessChecks() {
        Harness.assumeTraps();
        Path out = dir.resolve("round-size.json");
        HarnessRun run = Harness.run("round-size", "--sizes", "60,120", "--rounds", "2", "--warmup", "1", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = Harness.read(out);

        assertThat(doc.path("schema").asText()).isEqualTo("rearm.round-size/1");
        assertThat(doc.path("env").path("kernel").asText()).isNotEmpty();
        JsonNode settings = doc.path("settings");
        assertThat(settings.path("sizes")).extracting(JsonNode::asInt).containsExactly(60, 120);
        assertThat(settings.path("rounds").asInt()).isEqualTo(2);
        assertThat(settings.path("warmup").asInt()).isEqualTo(1);
        // The file's only record of the run's order: what the report's "sizes interleaved" caveat rests on.
        assertThat(settings.path("order").asText()).as("sizes interleaved within each round")
                .startsWith("round r runs, for each size in turn, one batch of every strategy of the scenario")
                .contains("so drift hits every size alike");
        assertThat(doc.path("results")).extracting(r -> r.path("strategy").asText())
                .containsExactlyInAnyOrder("reopen", "modify");
        for (JsonNode result : doc.path("results")) {
            for (String key : SCENARIO_KEYS) {
                assertThat(result.has(key)).as("scenario key %s in %s", key, result).isTrue();
            }
            assertThat(result.path("trapEvery").asInt()).isZero();
            assertThat(result.path("bySize")).extracting(size -> size.path("opsPerRound").asInt())
                    .containsExactly(60, 120);
            for (JsonNode size : result.path("bySize")) {
                assertThat(size.path("nsPerOp")).hasSize(2).allSatisfy(ns -> assertThat(ns.asDouble()).isPositive());
            }
            // One check per slot after every batch: (1 warm-up + 1 measured) x 2 rounds x 2 sizes.
            assertThat(result.path("liveness").path("checks").asLong()).isEqualTo(2L * 2 * 2);
        }
    }
}
