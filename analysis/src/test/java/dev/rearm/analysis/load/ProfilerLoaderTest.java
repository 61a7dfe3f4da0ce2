package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.ProfilerNativeJson;
import dev.rearm.analysis.compare.Comparisons;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiler matrix's entries are read apart from the watchpoint moves and join no comparison. */
class ProfilerLoaderTest {
    @TempDir
    Path tmp;

    /** The main fixture's native.json with the hand-made profiler entries appended. */
    private Path mixedRun() {
        Path dir = Fixtures.copy(tmp, "mixed", "env.json", "native.json");
        ProfilerNativeJson.appendTo(dir, ProfilerNativeJson.handmade());
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
        ObjectNode doc = ProfilerNativeJson.handmade();
        ((ObjectNode) doc.get("results").get(2)).remove("cpuNs");
        Path dir = ProfilerNativeJson.writeRun(tmp.resolve("bad"), doc);

        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("results[2]").hasMessageContaining("'cpuNs'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEntryWhoseTrapsAndTrapSignalsDisagreeIsNotMeasured() throws Exception {
        ObjectNode doc = ProfilerNativeJson.handmade();
        ObjectNode counts = (ObjectNode) doc.get("results").get(2).get("counts");
        counts.put("trapSignals", counts.get("traps").asLong() - 1);
        Path dir = ProfilerNativeJson.writeRun(tmp.resolve("premise"), doc);

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
        ObjectNode doc = ProfilerNativeJson.handmade();
        ObjectNode after = ((ObjectNode) doc.get("results").get(2)).putObject("afterRound");
        after.put("accesses", 62_500);
        after.putArray("cpuNs").add(7e6).add(9e6).add(7e6).add(9e6);
        ObjectNode reference = ((ObjectNode) doc.get("profiler")).putObject("signalReference");
        reference.put("signalsPerRound", 1000);
        reference.putArray("cpuNsPerSignal").add(2400).add(2600);
        Path dir = ProfilerNativeJson.writeRun(tmp.resolve("parts"), doc);

        ProfilerData data = RunLoader.load(dir).profiler();

        assertThat(data.entries().get(2).afterRoundCpuNs().grandMean()).isEqualTo(8e6);
        assertThat(data.entries().get(1).afterRoundCpuNs()).isNull();
        assertThat(data.signalNsPerSignal().grandMean()).isEqualTo(2500);
        assertThat(RunLoader.load(Fixtures.run("profiler-handmade")).profiler().signalNsPerSignal()).isNull();
    }

    @Test
    void aSignalReferenceFigureThatIsNotPositiveIsRefusedInOneLineNamingIt() throws Exception {
        ObjectNode doc = ProfilerNativeJson.handmade();
        ((ObjectNode) doc.get("profiler")).putObject("signalReference").putArray("cpuNsPerSignal").add(2400).add(0);
        Path dir = ProfilerNativeJson.writeRun(tmp.resolve("zero"), doc);

        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("profiler.signalReference").hasMessageContaining("cpuNsPerSignal[1]")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anAfterRoundProbeWithoutItsCpuTimesIsRefusedInOneLineNamingTheEntry() throws Exception {
        ObjectNode doc = ProfilerNativeJson.handmade();
        ((ObjectNode) doc.get("results").get(2)).putObject("afterRound").put("accesses", 10);
        Path dir = ProfilerNativeJson.writeRun(tmp.resolve("noafter"), doc);

        assertThatThrownBy(() -> RunLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("results[2] afterRound").hasMessageContaining("'cpuNs'")
                .hasMessageNotContaining("\n");
    }
}
