package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.analysis.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every unusable input gets one line that names the file (or folder) and what is wrong. */
class BadInputTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingRunFolderIsNamed() {
        Path missing = tmp.resolve("no-such-run");
        assertThatThrownBy(() -> RunLoader.load(missing)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(missing + ": no such run folder");
    }

    @Test
    void aFolderWithoutEitherHarnessFileIsRefused() throws Exception {
        Path dir = Fixtures.copy(tmp, "only-env", "env.json");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("neither native.json nor jmh.json");
    }

    @Test
    void anEmptyFileIsNamedAsEmpty() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "jmh.json");
        Files.writeString(dir.resolve("native.json"), "");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("native.json") + ": empty file; expected the native harness's results");
    }

    @Test
    void aTruncatedFileIsNamedAsTruncated() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "jmh.json");
        String whole = Files.readString(dir.resolve("jmh.json"));
        Files.writeString(dir.resolve("jmh.json"), whole.substring(0, whole.length() / 2));
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("jmh.json") + ": truncated JSON")
                .hasMessageContaining("expected JMH's JSON results");
    }

    @Test
    void textThatIsNotJsonIsNamedAsSuch() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "jmh.json");
        Files.writeString(dir.resolve("native.json"), "# Run complete. Total time: 00:01:03\n");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("native.json") + ": not valid JSON");
    }

    @Test
    void aForeignJsonFileInPlaceOfJmhResultsIsNamed() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "native.json");
        Files.writeString(dir.resolve("jmh.json"), "{\"name\": \"some-package\", \"version\": \"1.0.0\"}");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("jmh.json") + ": not JMH's JSON (the top level is not a list)");
    }

    @Test
    void aListOfOtherThingsInPlaceOfJmhResultsIsNamed() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "native.json");
        Files.writeString(dir.resolve("jmh.json"), "[{\"id\": 1}]");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("jmh.json") + " entry 0: no 'benchmark' or 'primaryMetric'");
    }

    @Test
    void aForeignJsonFileInPlaceOfNativeResultsIsNamed() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "jmh.json");
        Files.copy(dir.resolve("jmh.json"), dir.resolve("native.json"));
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("native.json") + ": not native.json (no 'results' array");
    }

    @Test
    void anotherHarnessesFileInPlaceOfNativeResultsIsNamed() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "jmh.json");
        Files.writeString(dir.resolve("native.json"), "{\"harness\": \"jmh\", \"results\": []}");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("its harness is 'jmh', not 'native'");
    }

    @Test
    void aRunJsonThatIsNotAnObjectIsNamed() throws Exception {
        Path dir = Fixtures.copy(tmp, "bad-run-json", "native.json");
        Files.writeString(dir.resolve("run.json"), "[\"mvn verify\"]");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("run.json") + ": not a JSON object; expected an object with "
                        + "optional keys command");
    }

    @Test
    void aForeignEnvJsonIsNamed() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "native.json");
        Files.writeString(dir.resolve("env.json"), "{\"os\": \"linux\"}");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("env.json") + ": not the probe's JSON");
    }

    @Test
    void aResultWithoutAStrategyNamesItsIndex() throws Exception {
        Path dir = Fixtures.copy(tmp, "run");
        Files.writeString(dir.resolve("native.json"), "{\"harness\": \"native\", \"results\": [{\"trapEvery\": 0}]}");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("native.json") + " results[0]: no 'strategy'");
    }

    @Test
    void aFigureThatIsNotANumberNamesItsPlace() throws Exception {
        Path dir = Fixtures.copy(tmp, "run");
        Files.writeString(dir.resolve("native.json"), "{\"harness\": \"native\", \"results\": [{\"strategy\": \"modify\","
                + " \"nsPerOp\": [2000, \"fast\"]}]}");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("native.json") + " results[0]: nsPerOp[1] is '\"fast\"', expected a positive number");
    }

    @Test
    void aScenarioKeyThatIsNotANumberIsNamed() throws Exception {
        Path dir = Fixtures.copy(tmp, "run");
        Files.writeString(dir.resolve("native.json"), "{\"harness\": \"native\", \"results\": [{\"strategy\": \"modify\","
                + " \"pages\": \"many\", \"nsPerOp\": [2000]}]}");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("scenario key pages is 'many', expected a whole number");
    }

    @Test
    void aScenarioWhoseTrapsDoNotAddUpIsNotMeasuredRatherThanUsed() throws Exception {
        Path dir = Fixtures.copy(tmp, "run");
        Files.writeString(dir.resolve("native.json"), "{\"harness\": \"native\", \"results\": [{\"strategy\": \"modify\","
                + " \"trapEvery\": 1, \"nsPerOp\": [28000, 28100], \"traps\": {\"expected\": 20000, \"observed\": 19990}}]}");
        Run run = RunLoader.load(dir);
        assertThat(run.measurements()).isEmpty();
        assertThat(run.notMeasured()).filteredOn(n -> n.harness().equals("native")).singleElement()
                .satisfies(n -> assertThat(n.why()).isEqualTo("premise failed: 20000 traps expected, 19990 observed"));
    }

    @Test
    void aSigtrapScenarioWhoseTrapsCarriedAnotherAddresssTagIsNotMeasuredEvenWhenTheCountsAddUp() throws Exception {
        Path dir = Fixtures.copy(tmp, "run");
        Files.writeString(dir.resolve("native.json"), "{\"harness\": \"native\", \"results\": [{\"strategy\": \"modify\","
                + " \"trapEvery\": 1, \"notify\": \"sigtrap\", \"nsPerOp\": [12000, 12100], \"traps\": {\"expected\": 20000,"
                + " \"observed\": 20000, \"tagMismatches\": 3}}]}");
        Run run = RunLoader.load(dir);
        assertThat(run.measurements()).isEmpty();
        assertThat(run.notMeasured()).filteredOn(n -> n.harness().equals("native")).singleElement()
                .satisfies(n -> assertThat(n.why()).isEqualTo("premise failed: 20000 traps expected, 20000 observed, "
                        + "3 SIGTRAPs tagged with another address than their op armed"));
    }

    @Test
    void aScenarioTheHarnessMarkedAsNotRunKeepsItsReason() throws Exception {
        Path dir = Fixtures.copy(tmp, "run");
        Files.writeString(dir.resolve("native.json"), "{\"harness\": \"native\", \"results\": [{\"strategy\": \"reopen\","
                + " \"slots\": 5, \"status\": \"refused\", \"reason\": \"ENOSPC: 4 debug registers\"}]}");
        Run run = RunLoader.load(dir);
        assertThat(run.notMeasured()).filteredOn(n -> n.harness().equals("native")).singleElement()
                .satisfies(n -> assertThat(n.why()).isEqualTo("refused: ENOSPC: 4 debug registers"));
    }

    @Test
    void infinityInJmhRawDataIsNamedWithTheBenchmarkAndField() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "native.json");
        Files.writeString(dir.resolve("jmh.json"), """
                [{"benchmark": "dev.rearm.jmh.HeadlineBenchmark.move", "mode": "avgt",
                  "params": {"strategy": "modify"},
                  "primaryMetric": {"scoreUnit": "ns/op", "rawData": [[2000.0, Infinity]]}}]
                """);
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("jmh.json") + " entry 0 (dev.rearm.jmh.HeadlineBenchmark.move strategy=modify), "
                        + "field primaryMetric.rawData[0][1]: Infinity is not a number JSON allows; expected a finite number");
    }

    @Test
    void aNegativeTrapCountIsRefused() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "jmh.json");
        Files.writeString(dir.resolve("native.json"), """
                {"harness": "native", "results": [
                  {"strategy": "reopen", "trapEvery": 1, "nsPerOp": [19000], "traps": {"expected": -1, "observed": -1}}]}
                """);
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("results[0] (strategy=reopen trapEvery=1), field traps.expected: -1 is negative");
    }

    @Test
    void aNegativeProfilerDurationIsRefused() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "jmh.json");
        Files.writeString(dir.resolve("native.json"), """
                {"harness": "native", "results": [
                  {"matrix": "profiler", "workload": "stream", "strategy": "none", "rate": 0, "accesses": 100,
                   "cpuNs": [1000], "wallNs": [1000], "counts": {"samplerHandlerNs": -5}}]}
                """);
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("results[0] (strategy=none workload=stream rate=0), field counts.samplerHandlerNs: "
                        + "-5 is negative");
    }

    @Test
    void twoEntriesOfTheSameBenchmarkAndParamsAreRefusedInsteadOfTheFirstWinning() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "native.json");
        String entry = """
                {"benchmark": "dev.rearm.jmh.HeadlineBenchmark.move", "mode": "avgt", "params": {"strategy": "modify"},
                 "primaryMetric": {"scoreUnit": "ns/op", "rawData": [[2000.0]]}}""";
        Files.writeString(dir.resolve("jmh.json"), "[" + entry + ", " + entry + "]");
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("jmh.json") + " entry 1 (")
                .hasMessageContaining("the same benchmark, mode and params as " + dir.resolve("jmh.json") + " entry 0");
    }

    @Test
    void bindingIsAParamOfTheFloorsButNotOfAStrategyBenchmark() throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "native.json");
        Files.writeString(dir.resolve("jmh.json"), """
                [{"benchmark": "dev.rearm.jmh.BindingFloorBenchmark.gettid", "mode": "avgt", "params": {"binding": "jna"},
                  "primaryMetric": {"scoreUnit": "ns/op", "rawData": [[300.0]]}},
                 {"benchmark": "dev.rearm.jmh.HeadlineBenchmark.move", "mode": "avgt",
                  "params": {"strategy": "modify", "binding": "jna"},
                  "primaryMetric": {"scoreUnit": "ns/op", "rawData": [[2000.0]]}}]
                """);
        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("jmh.json") + " entry 1 (dev.rearm.jmh.HeadlineBenchmark.move): "
                        + "unknown @Param 'binding'");
    }
}
