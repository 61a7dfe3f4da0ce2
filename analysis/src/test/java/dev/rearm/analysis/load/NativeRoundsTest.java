package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.cli.AnalysisCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** native.json's round sizing: time-sized files, fixed-size ones, files from before either, and bad figures. */
class NativeRoundsTest {
    private static final Path PUBLISHED = Path.of("..", "results", "reference", "2026-11-26-amd-epyc-6.18.44");
    private static final ScenarioKey HEADLINE_MODIFY = new ScenarioKey(ScenarioKey.MODIFY, Scenario.HEADLINE);
    private static final ScenarioKey HEADLINE_REOPEN = new ScenarioKey(ScenarioKey.REOPEN, Scenario.HEADLINE);

    @TempDir
    Path tmp;

    @Test
    void aTimeSizedRunGivesItsTargetFloorAndEachScenariosOpsPerRound() throws Exception {
        Path dir = runWithNative("""
                {"harness": "native", "settings": {"matrix": "headline", "roundSizing": "time", "roundMs": 100,
                  "minOps": 200, "rounds": 3},
                 "results": [
                  {"matrix": "headline", "strategy": "reopen", "nsPerOp": [19000, 19100, 19050], "opsPerRound": 5200},
                  {"matrix": "headline", "strategy": "modify", "nsPerOp": [2000, 2010, 2005], "opsPerRound": 49000}]}
                """);

        NativeRounds rounds = RunLoader.load(dir).nativeRounds();

        assertThat(rounds.describe()).isEqualTo("rounds sized by time: ~100 ms each (floor 200 ops)");
        assertThat(rounds.opsPerRound("headline", HEADLINE_REOPEN)).hasValue(5200);
        assertThat(rounds.opsPerRound("headline", HEADLINE_MODIFY)).hasValue(49000);
        assertThat(rounds.opsPerRound("all", HEADLINE_MODIFY)).as("another matrix sized its own rounds").isEmpty();
    }

    @Test
    void aFixedSizeRunSaysItsOpCount() throws Exception {
        Path dir = runWithNative("""
                {"harness": "native", "settings": {"roundSizing": "fixed", "iterations": 500},
                 "results": [{"strategy": "modify", "nsPerOp": [2000, 2010, 2005], "opsPerRound": 500}]}
                """);

        assertThat(RunLoader.load(dir).nativeRounds().describe()).isEqualTo("fixed 500 ops per round");
    }

    @Test
    void thePublishedRunFromBeforeTimeSizingIsFixedBySettingsIterations() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("published"));
        Files.copy(PUBLISHED.resolve("native.json"), dir.resolve("native.json"));

        NativeRounds rounds = RunLoader.load(dir).nativeRounds();

        assertThat(rounds.sizing()).isEqualTo(NativeRounds.Sizing.FIXED);
        assertThat(rounds.describe()).isEqualTo("fixed 2000 ops per round");
        assertThat(rounds.opsPerRound("headline", HEADLINE_MODIFY)).hasValue(2000);
    }

    @Test
    void aFileThatSaysNothingOfItsRoundsHasNoSettingsLine() throws Exception {
        assertThat(RunLoader.load(Fixtures.run()).nativeRounds().describe()).isNull();
    }

    @Test
    void opsPerRoundThatIsNoWholeNumberIsRefusedNamingFileScenarioAndField() throws Exception {
        Path dir = runWithNative("""
                {"harness": "native", "results": [
                  {"strategy": "modify", "trapEvery": 0, "nsPerOp": [2000], "opsPerRound": 2500.5}]}
                """);

        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("native.json") + " results[0] (strategy=modify trapEvery=0), field opsPerRound: "
                        + "2500.5 is not a whole number of at least 1; expected the ops of each measured round of the "
                        + "scenario, per thread");
    }

    @Test
    void theAnalysisExitsTwoWithThatOneLine() throws Exception {
        Path dir = runWithNative("""
                {"harness": "native", "results": [{"strategy": "modify", "nsPerOp": [2000], "opsPerRound": "many"}]}
                """);
        StringWriter err = new StringWriter();

        int exit = AnalysisCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "--in",
                dir.toString(), "--out", tmp.resolve("out").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).hasLineCount(1).contains("results[0] (strategy=modify), field opsPerRound: "
                + "\"many\" is not a whole number");
    }

    @Test
    void negativeOpsPerRoundIsRefusedNamingFileScenarioAndField() throws Exception {
        Path dir = runWithNative("""
                {"harness": "native", "results": [{"strategy": "reopen", "nsPerOp": [19000], "opsPerRound": -5}]}
                """);

        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("results[0] (strategy=reopen), field opsPerRound: -5 is negative");
    }

    @Test
    void aProfilerOnlyFileStatesNoRoundSizeEvenWhenItsSettingsNameOne() throws Exception {
        String profilerEntry = """
                {"matrix": "profiler", "workload": "hash", "strategy": "none", "accesses": 1000,
                 "cpuNs": [1000, 1010], "wallNs": [1000, 1010]}""";
        Path fixed = runWithNative("""
                {"harness": "native", "settings": {"roundSizing": "fixed", "iterations": 10000}, "results": [%s]}
                """.formatted(profilerEntry));
        Path none = runWithNative("""
                {"harness": "native", "settings": {"roundSizing": "none"}, "results": [%s]}
                """.formatted(profilerEntry));

        assertThat(RunLoader.load(fixed).nativeRounds().describe()).as("no move round ran 10000 ops")
                .isEqualTo("no moves ran");
        assertThat(RunLoader.load(none).nativeRounds().sizing()).isEqualTo(NativeRounds.Sizing.NONE);
        assertThat(RunLoader.load(none).nativeRounds().opsPerRound("headline", HEADLINE_MODIFY)).isEmpty();
    }

    @Test
    void aTimeSizedResultWithoutOpsPerRoundIsRefusedNamingFileScenarioAndField() throws Exception {
        Path dir = runWithNative("""
                {"harness": "native", "settings": {"roundSizing": "time", "roundMs": 100}, "results": [
                  {"strategy": "modify", "trapEvery": 0, "nsPerOp": [2000]}]}
                """);

        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("native.json") + " results[0] (strategy=modify trapEvery=0), field opsPerRound: "
                        + "missing in a file whose settings.roundSizing is \"time\"; expected the ops of each measured "
                        + "round of the scenario, per thread (a whole number of at least 1)");
    }

    @Test
    void aFixedSizeResultWithoutOpsPerRoundTakesTheFilesIterations() throws Exception {
        Path dir = runWithNative("""
                {"harness": "native", "settings": {"roundSizing": "fixed", "iterations": 500}, "results": [
                  {"strategy": "modify", "nsPerOp": [2000]}]}
                """);

        assertThat(RunLoader.load(dir).nativeRounds().opsPerRound("native", HEADLINE_MODIFY)).hasValue(500);
    }

    @Test
    void anUnknownRoundSizingOrAZeroTargetIsRefused() throws Exception {
        Path sizing = runWithNative("""
                {"harness": "native", "settings": {"roundSizing": "sometimes"}, "results": []}
                """);
        assertThatThrownBy(() -> RunLoader.load(sizing)).isInstanceOf(BadInputException.class)
                .hasMessage(sizing.resolve("native.json") + " settings, field roundSizing: \"sometimes\" is not a round "
                        + "sizing; expected \"time\", \"fixed\" or \"none\" (no moves ran)");

        Path target = runWithNative("""
                {"harness": "native", "settings": {"roundSizing": "time", "roundMs": 0}, "results": []}
                """);
        assertThatThrownBy(() -> RunLoader.load(target)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("settings, field roundMs: 0 is not a time per round");
    }

    private Path runWithNative(String json) throws Exception {
        Path dir = Fixtures.copy(tmp, "run" + System.nanoTime(), "env.json");
        Files.writeString(dir.resolve("native.json"), json);
        return dir;
    }
}
