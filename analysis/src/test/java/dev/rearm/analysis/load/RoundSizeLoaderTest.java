package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** round-size.json as perfbp-bench round-size writes it, and what the loader refuses. */
class RoundSizeLoaderTest {
    static final String GOOD = """
            {"schema": "rearm.round-size/1", "env": {"kernel": "6.18"},
             "settings": {"sizes": [2000, 10000], "rounds": 3, "warmup": 1, "order": "interleaved"},
             "results": [{"strategy": "modify", "trapEvery": 0, "notify": "signal", "pages": 1, "bpType": "W",
               "bpLen": 1, "threads": 1, "slots": 1,
               "bySize": [{"opsPerRound": 2000, "nsPerOp": [2100, 2110, 2090]},
                          {"opsPerRound": 10000, "nsPerOp": [2000, 2010, 1990]}],
               "liveness": {"checks": 8}}]}
            """;

    @TempDir
    Path tmp;

    @Test
    void aWholeFileGivesEveryScenarioAtEverySize() throws Exception {
        RoundSizeData data = RoundSizeLoader.read(folderWith(GOOD));

        assertThat(data.present()).isTrue();
        assertThat(data.sizes()).containsExactly(2000L, 10000L);
        assertThat(data.scenarios()).singleElement().satisfies(scenario -> {
            assertThat(scenario.key().label()).isEqualTo("strategy=modify trapEvery=0 notify=signal pages=1 bpType=W "
                    + "bpLen=1 threads=1 slots=1");
            assertThat(scenario.bySize()).extracting(RoundSizeData.AtSize::opsPerRound).containsExactly(2000L, 10000L);
            assertThat(scenario.bySize().get(0).nsPerOp().grandMean()).isEqualTo(2100);
            assertThat(scenario.livenessChecks()).isEqualTo(8);
        });
    }

    @Test
    void aRunWithoutTheFileHasNoRoundSizeData() throws Exception {
        assertThat(RoundSizeLoader.read(Files.createDirectory(tmp.resolve("empty"))).present()).isFalse();
    }

    @Test
    void anotherSchemaIsRefused() throws Exception {
        Path dir = folderWith(GOOD.replace("rearm.round-size/1", "rearm.round-size/2"));

        assertThatThrownBy(() -> RoundSizeLoader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("round-size.json") + ": schema is \"rearm.round-size/2\", not "
                        + "\"rearm.round-size/1\"");
    }

    @Test
    void opsPerRoundThatIsNoWholeNumberIsNamedWithItsScenarioAndField() throws Exception {
        Path dir = folderWith(GOOD.replace("\"opsPerRound\": 10000", "\"opsPerRound\": 99.5"));

        assertThatThrownBy(() -> RoundSizeLoader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("round-size.json") + " results[0] (strategy=modify trapEvery=0 notify=signal "
                        + "pages=1 bpType=W bpLen=1 threads=1 slots=1), field bySize[1].opsPerRound: 99.5 is not a whole "
                        + "number of at least 1; expected the ops of each round at this size");
    }

    @Test
    void aSizeListedTwiceForOneScenarioIsRefusedNamingBothEntries() throws Exception {
        Path dir = folderWith(GOOD.replace("\"opsPerRound\": 10000", "\"opsPerRound\": 2000"));

        assertThatThrownBy(() -> RoundSizeLoader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("round-size.json") + " results[0] (strategy=modify trapEvery=0 notify=signal "
                        + "pages=1 bpType=W bpLen=1 threads=1 slots=1), field bySize[1].opsPerRound: 2000 repeats "
                        + "bySize[0]'s; expected each size once, those of settings.sizes [2000, 10000]");
    }

    @Test
    void sizesThatAreNotTheFilesSettingsSizesAreRefused() throws Exception {
        Path dir = folderWith(GOOD.replace("\"opsPerRound\": 10000", "\"opsPerRound\": 5000"));

        assertThatThrownBy(() -> RoundSizeLoader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("round-size.json") + " results[0] (strategy=modify trapEvery=0 notify=signal "
                        + "pages=1 bpType=W bpLen=1 threads=1 slots=1), field bySize: its opsPerRound [2000, 5000] are "
                        + "not the file's settings.sizes [2000, 10000]; expected each size once, those of settings.sizes "
                        + "[2000, 10000]");
    }

    @Test
    void aNegativeFigureIsRefusedAsNegative() throws Exception {
        Path dir = folderWith(GOOD.replace("2110", "-2110"));

        assertThatThrownBy(() -> RoundSizeLoader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("field bySize[0].nsPerOp[1]: -2110 is negative");
    }

    @Test
    void nanIsNamedAsNoNumberJsonAllows() throws Exception {
        Path dir = folderWith(GOOD.replace("2110", "NaN"));

        assertThatThrownBy(() -> RoundSizeLoader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("NaN is not a number JSON allows");
    }

    @Test
    void aScenarioWithoutFiguresIsRefused() throws Exception {
        Path noSizes = folderWith("""
                {"schema": "rearm.round-size/1", "results": [{"strategy": "modify", "bySize": []}]}
                """);
        assertThatThrownBy(() -> RoundSizeLoader.read(noSizes)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("field bySize: [] is not a list of sizes");

        Path noRounds = folderWith(GOOD.replace("[2100, 2110, 2090]", "[]"));
        assertThatThrownBy(() -> RoundSizeLoader.read(noRounds)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("field bySize[0].nsPerOp: [] is not a list of figures");
    }

    private Path folderWith(String json) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run" + System.nanoTime()));
        Files.writeString(dir.resolve("round-size.json"), json);
        return dir;
    }
}
