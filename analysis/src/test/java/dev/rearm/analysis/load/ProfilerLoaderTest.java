package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiler matrix's entries are read apart from the watchpoint moves and join no comparison. */
class ProfilerLoaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The main fixture's native.json with the hand-made profiler entries appended. */
    private Path mixedRun() throws Exception {
        Path dir = Fixtures.copy(tmp, "mixed", "env.json", "native.json");
        ObjectNode moves = (ObjectNode) JSON.readTree(dir.resolve("native.json").toFile());
        ObjectNode profiler = (ObjectNode) JSON.readTree(Fixtures.run("profiler-handmade").resolve("native.json").toFile());
        ((ArrayNode) moves.get("results")).addAll((ArrayNode) profiler.get("results"));
        moves.set("profiler", profiler.get("profiler"));
        JSON.writeValue(dir.resolve("native.json").toFile(), moves);
        return dir;
    }

    @Test
    void profilerEntriesAreReadApartAndLeaveTheMovesAndTheirComparisonsAsTheyWere() throws Exception {
        Run alone = RunLoader.load(Fixtures.copy(tmp, "alone", "env.json", "native.json"));
        Run mixed = RunLoader.load(mixedRun());

        assertThat(mixed.measurements()).extracting(m -> m.key().label() + " " + m.nsPerOp().grandMean())
                .isEqualTo(alone.measurements().stream().map(m -> m.key().label() + " " + m.nsPerOp().grandMean()).toList());
        assertThat(mixed.notMeasured()).extracting(NotMeasured::what)
                .isEqualTo(alone.notMeasured().stream().map(NotMeasured::what).toList());
        assertThat(mixed.profiler().entries()).hasSize(7);
        assertThat(mixed.profiler().hardwarePmu()).isFalse();
        assertThat(mixed.profiler().workMs()).isEqualTo(100);
        HierarchicalBootstrap bootstrap = new HierarchicalBootstrap(1, 200);
        assertThat(Comparisons.of(mixed.measurements()).all())
                .hasSameSizeAs(Comparisons.of(alone.measurements()).all());
        assertThat(alone.profiler().measured()).isFalse();
    }

    @Test
    void eachEntryKeepsItsRoundsCountsAndHandlerCalls() throws Exception {
        ProfilerData data = RunLoader.load(Fixtures.run("profiler-handmade")).profiler();

        ProfilerEntry reopen = data.entries().stream().filter(e -> e.label().equals("reopen@5000")).findFirst().orElseThrow();
        assertThat(reopen.workload()).isEqualTo("hash");
        assertThat(reopen.accesses()).isEqualTo(1_000_000);
        assertThat(reopen.cpuNs().groupCount()).isEqualTo(4);
        assertThat(reopen.cpuNs().grandMean()).isEqualTo(180e6);
        assertThat(reopen.counts().perRound(reopen.counts().armed())).isEqualTo(500);
        assertThat(reopen.counts().phases()).containsOnlyKeys("open", "mmap", "close", "munmap");
        assertThat(reopen.counts().phases().keySet()).containsExactly("open", "mmap", "close", "munmap");
    }

    @Test
    void anEntryWithoutCpuTimesIsRefusedInOneLineNamingIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        ObjectNode doc = (ObjectNode) JSON.readTree(Fixtures.run("profiler-handmade").resolve("native.json").toFile());
        ((ObjectNode) doc.get("results").get(2)).remove("cpuNs");
        JSON.writeValue(dir.resolve("native.json").toFile(), doc);

        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("results[2]").hasMessageContaining("'cpuNs'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEntryWhoseTrapsAndTrapSignalsDisagreeIsNotMeasured() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("premise"));
        ObjectNode doc = (ObjectNode) JSON.readTree(Fixtures.run("profiler-handmade").resolve("native.json").toFile());
        ObjectNode counts = (ObjectNode) doc.get("results").get(2).get("counts");
        counts.put("trapSignals", counts.get("traps").asLong() - 1);
        JSON.writeValue(dir.resolve("native.json").toFile(), doc);

        Run run = RunLoader.load(dir);

        assertThat(run.profiler().entries()).hasSize(6);
        assertThat(run.notMeasured()).anySatisfy(n -> {
            assertThat(n.what()).isEqualTo("profiler hash reopen@1000");
            assertThat(n.why()).startsWith("premise failed");
        });
    }

    @Test
    void theAfterRoundProbeAndTheSignalReferenceAreReadWhereTheFileHasThemAndAreNullWhereItPredatesThem()
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("parts"));
        ObjectNode doc = (ObjectNode) JSON.readTree(Fixtures.run("profiler-handmade").resolve("native.json").toFile());
        ObjectNode after = ((ObjectNode) doc.get("results").get(2)).putObject("afterRound");
        after.put("accesses", 62_500);
        after.putArray("cpuNs").add(7e6).add(9e6).add(7e6).add(9e6);
        ObjectNode reference = ((ObjectNode) doc.get("profiler")).putObject("signalReference");
        reference.put("signalsPerRound", 1000);
        reference.putArray("cpuNsPerSignal").add(2400).add(2600);
        JSON.writeValue(dir.resolve("native.json").toFile(), doc);

        ProfilerData data = RunLoader.load(dir).profiler();

        assertThat(data.entries().get(2).afterRoundCpuNs().grandMean()).isEqualTo(8e6);
        assertThat(data.entries().get(1).afterRoundCpuNs()).isNull();
        assertThat(data.signalNsPerSignal().grandMean()).isEqualTo(2500);
        assertThat(RunLoader.load(Fixtures.run("profiler-handmade")).profiler().signalNsPerSignal()).isNull();
    }

    @Test
    void aSignalReferenceFigureThatIsNotPositiveIsRefusedInOneLineNamingIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("zero"));
        ObjectNode doc = (ObjectNode) JSON.readTree(Fixtures.run("profiler-handmade").resolve("native.json").toFile());
        ((ObjectNode) doc.get("profiler")).putObject("signalReference").putArray("cpuNsPerSignal").add(2400).add(0);
        JSON.writeValue(dir.resolve("native.json").toFile(), doc);

        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("profiler.signalReference").hasMessageContaining("cpuNsPerSignal[1]")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anAfterRoundProbeWithoutItsCpuTimesIsRefusedInOneLineNamingTheEntry() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("noafter"));
        ObjectNode doc = (ObjectNode) JSON.readTree(Fixtures.run("profiler-handmade").resolve("native.json").toFile());
        ((ObjectNode) doc.get("results").get(2)).putObject("afterRound").put("accesses", 10);
        JSON.writeValue(dir.resolve("native.json").toFile(), doc);

        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("results[2] afterRound").hasMessageContaining("'cpuNs'")
                .hasMessageNotContaining("\n");
    }
}
