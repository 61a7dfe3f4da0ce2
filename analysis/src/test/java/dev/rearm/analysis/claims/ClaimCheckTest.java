package dev.rearm.analysis.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.Analyzer;
import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.load.Harness;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.report.ClaimConsole;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimCheckTest {

    @Test
    void everyClaimGetsARowPerHarnessWithAReason() throws Exception {
        Analysis analysis = analyze(Fixtures.run());
        assertThat(analysis.claims()).hasSize(4);
        assertThat(analysis.claims()).allSatisfy(row -> {
            assertThat(row.verdict()).isNotEqualTo(Verdict.NOT_MEASURED);
            assertThat(row.why()).isNotBlank().endsWith(".");
        });
        ClaimRow alwaysNative = analysis.claims().stream()
                .filter(r -> r.claim() == Claim.ALWAYS_TRAPPING && r.harness() == Harness.NATIVE).findFirst().orElseThrow();
        assertThat(alwaysNative.why()).contains("A trap adds").contains("would give ~4x");
        ClaimRow neverNative = analysis.claims().stream()
                .filter(r -> r.claim() == Claim.NEVER_TRAPPING && r.harness() == Harness.NATIVE).findFirst().orElseThrow();
        assertThat(neverNative.why()).contains("mmap is reopen's largest phase");
    }

    @Test
    void aMissingScenarioIsNotMeasuredWithTheHarnessReason(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "env.json");
        Files.writeString(dir.resolve("native.json"), """
                {"harness": "native", "results": [
                  {"strategy": "reopen", "trapEvery": 0, "nsPerOp": [19000, 19100, 18900]},
                  {"strategy": "modify", "trapEvery": 0, "nsPerOp": [2000, 2010, 1990]},
                  {"strategy": "reopen", "trapEvery": 1, "notRun": "no signal delivery in this container"}]}
                """);
        Analysis analysis = analyze(dir);
        assertThat(analysis.claims()).filteredOn(r -> r.claim() == Claim.ALWAYS_TRAPPING && r.harness() == Harness.NATIVE)
                .singleElement().satisfies(r -> {
                    assertThat(r.verdict()).isEqualTo(Verdict.NOT_MEASURED);
                    assertThat(r.why()).isEqualTo("reopen was not measured: no signal delivery in this container.");
                });
        assertThat(analysis.claims()).filteredOn(r -> r.harness() == Harness.JMH)
                .allSatisfy(r -> assertThat(r.why()).isEqualTo("jmh.json is not in the run folder."));
        assertThat(analysis.claims()).filteredOn(r -> r.claim() == Claim.NEVER_TRAPPING && r.harness() == Harness.NATIVE)
                .singleElement().satisfies(r -> {
                    // Three rounds of one process: shown with their interval, no verdict.
                    assertThat(r.verdict()).isEqualTo(Verdict.ONE_PROCESS);
                    assertThat(r.why()).contains(ClaimCheck.ONE_PROCESS_WHY);
                });
    }

    @Test
    void aOneRoundRunShowsItsFigureButSaysTooFewToJudgeOnTheConsole(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "env.json");
        Files.writeString(dir.resolve("native.json"), """
                {"harness": "native", "results": [
                  {"strategy": "reopen", "trapEvery": 0, "nsPerOp": [29000]},
                  {"strategy": "modify", "trapEvery": 0, "nsPerOp": [2000]}]}
                """);
        Analysis analysis = analyze(dir);
        ClaimRow never = analysis.claims().stream()
                .filter(r -> r.claim() == Claim.NEVER_TRAPPING && r.harness() == Harness.NATIVE).findFirst().orElseThrow();
        assertThat(never.verdict()).isEqualTo(Verdict.TOO_FEW_GROUPS);
        assertThat(never.measured().speedup().point()).isEqualTo(14.5);
        assertThat(never.why()).contains("Only 1 round measured this");
        String console = ClaimConsole.render(analysis.claims());
        assertThat(console).contains("14.5x").contains("too few forks/rounds to judge")
                .contains(ClaimConsole.TOO_FEW_TO_JUDGE);
        assertThat(console.lines().filter(line -> line.startsWith("  ~"))).noneMatch(line -> line.contains("not reproduced"));
    }

    @Test
    void aJmhRunThroughJnaSaysSoInTheJmhRowsWhyButNotInTheNativeOnes(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copyAll(tmp, "run");
        Fixtures.addToRunJson(dir, "\"jmh\": {\"binding\": \"jna\"}");
        Analysis analysis = analyze(dir);
        assertThat(analysis.run().info().binding()).isEqualTo("jna");
        assertThat(analysis.claims()).filteredOn(r -> r.harness() == Harness.JMH)
                .allSatisfy(r -> assertThat(r.why()).contains("JMH's perf calls went through JNA, not JNI"));
        assertThat(analysis.claims()).filteredOn(r -> r.harness() == Harness.NATIVE)
                .allSatisfy(r -> assertThat(r.why()).doesNotContain("JNA"));
    }

    @Test
    void aJniRunSaysNothingAboutTheBinding(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copyAll(tmp, "run");
        Fixtures.addToRunJson(dir, "\"jmh\": {\"binding\": \"jni\"}");
        assertThat(analyze(dir).claims()).allSatisfy(r -> assertThat(r.why()).doesNotContain("JNA"));
    }

    @Test
    void whenSeveralJmhClassesMeasuredTheHeadlineTheRowNamesTheOneItUsesAndTheOthersFigures() throws Exception {
        ClaimRow neverJmh = analyze(Fixtures.run()).claims().stream()
                .filter(r -> r.claim() == Claim.NEVER_TRAPPING && r.harness() == Harness.JMH).findFirst().orElseThrow();
        assertThat(neverJmh.measured().source()).isEqualTo("HeadlineBenchmark");
        assertThat(neverJmh.why()).contains("Figure from HeadlineBenchmark, the source made for the headline scenario; "
                + "also measured by ").contains("TrapRateBenchmark (").contains("RingPagesBenchmark (");
    }

    private static Analysis analyze(Path dir) throws Exception {
        return new Analyzer(new HierarchicalBootstrap(1, 1_000)).analyze(RunLoader.load(dir), Optional.empty());
    }
}
