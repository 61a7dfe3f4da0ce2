package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rearm.analysis.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLoaderTest {

    @Test
    void loadsTheRecordedJmh137Results() throws Exception {
        Run run = RunLoader.load(Fixtures.run());
        assertThat(run.jmhVersion()).isEqualTo("1.37");
        assertThat(run.jmhJvm()).startsWith("OpenJDK 64-Bit Server VM");
        // 51 entries: 46 AverageTime with a strategy, 4 SampleTime, 1 binding floor.
        assertThat(run.measurements().stream().filter(m -> m.harness() == Harness.JMH)).hasSize(46);
        assertThat(run.latencies()).hasSize(4);
        assertThat(run.floors()).singleElement()
                .satisfies(f -> assertThat(f.benchmark()).isEqualTo("BindingFloorBenchmark.badFdIoctl"));

        Measurement headline = run.measurements().stream()
                .filter(m -> m.harness() == Harness.JMH && m.source().equals("HeadlineBenchmark")
                        && m.key().equals(new ScenarioKey("reopen", Scenario.HEADLINE)))
                .findFirst().orElseThrow();
        assertThat(headline.nsPerOp().groupCount()).isEqualTo(2);
        assertThat(headline.nsPerOp().group(0)).hasSize(3);
        // rawData is in us/op; every figure here is ns/op (JMH's score for this entry is 3.752 us/op).
        assertThat(headline.nsPerOp().grandMean()).isCloseTo(3752, within(1.0));
    }

    @Test
    void bindingFloorsThroughEachBindingKeepTheirBindingInTheirName(@TempDir Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "jmh.json");
        ArrayNode entries = (ArrayNode) new ObjectMapper().readTree(dir.resolve("jmh.json").toFile());
        ObjectNode floor = (ObjectNode) entries.get(0);
        ObjectNode jniFloor = floor.deepCopy();
        floor.putObject("params").put("binding", "jna");
        jniFloor.putObject("params").put("binding", "jni");
        entries.insert(1, jniFloor);
        new ObjectMapper().writeValue(dir.resolve("jmh.json").toFile(), entries);

        assertThat(RunLoader.load(dir).floors()).extracting(FloorMeasurement::benchmark).containsExactly(
                "BindingFloorBenchmark.badFdIoctl binding=jna", "BindingFloorBenchmark.badFdIoctl binding=jni");
    }

    @Test
    void jmhKeysWithoutAParamTakeTheirHeadlineValue() throws Exception {
        Run run = RunLoader.load(Fixtures.run());
        Measurement pages = run.measurements().stream()
                .filter(m -> m.source().equals("RingPagesBenchmark") && m.key().scenario().pages() == 64)
                .findFirst().orElseThrow();
        assertThat(pages.key().scenario()).isEqualTo(Scenario.HEADLINE.withPages(64));
    }

    @Test
    void sampleTimeHistogramsBecomeLatenciesInNanoseconds() throws Exception {
        Run run = RunLoader.load(Fixtures.run());
        LatencyMeasurement modify = run.latencies().stream()
                .filter(l -> l.key().equals(new ScenarioKey("modify", Scenario.HEADLINE))).findFirst().orElseThrow();
        assertThat(modify.histogram().sampleCount()).isGreaterThan(1000);
        assertThat(modify.histogram().percentile(50)).isBetween(100.0, 100_000.0);
    }

    @Test
    void loadsTheHandMadeNativeResults() throws Exception {
        Run run = RunLoader.load(Fixtures.run());
        Measurement reopen = run.measurements().stream()
                .filter(m -> m.harness() == Harness.NATIVE && m.key().equals(new ScenarioKey("reopen", Scenario.HEADLINE)))
                .findFirst().orElseThrow();
        assertThat(reopen.nsPerOp().groupCount()).isEqualTo(10);
        assertThat(reopen.nsPerOp().isFlat()).isTrue();
        assertThat(reopen.phasesNs()).containsOnlyKeys("munmap", "close", "open", "fcntl", "mmap");
        assertThat(reopen.traps()).isEqualTo(new Traps(0, 0));
        assertThat(run.notMeasured()).anySatisfy(n -> {
            assertThat(n.harness()).isEqualTo("native");
            assertThat(n.what()).contains("bpType=R ");
            assertThat(n.why()).contains("EINVAL");
        });
    }

    @Test
    void nativeFiguresOfAOneProcessFileComeFromOneProcessAndJmhFiguresFromOneProcessPerFork() throws Exception {
        Run run = RunLoader.load(Fixtures.run());
        assertThat(run.measurements()).filteredOn(m -> m.harness() == Harness.NATIVE).isNotEmpty()
                .allSatisfy(m -> assertThat(m.nsPerOp().processes()).isEqualTo(1));
        assertThat(run.measurements()).filteredOn(m -> m.harness() == Harness.JMH).isNotEmpty()
                .allSatisfy(m -> assertThat(m.nsPerOp().processes()).isEqualTo(m.nsPerOp().groupCount()));
    }

    /** The fixture's native.json as three processes (format 2): each move result once per fork, fork k's rounds x (1 + k/10). */
    private static Path threeProcesses(Path tmp) throws Exception {
        Path dir = Fixtures.copy(tmp, "run", "native.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(dir.resolve("native.json").toFile());
        ArrayNode forked = json.createArrayNode();
        for (int fork = 0; fork < 3; fork++) {
            for (var result : root.path("results")) {
                ObjectNode copy = ((ObjectNode) result).deepCopy();
                if (!copy.has("workload")) {
                    copy.put("fork", fork);
                    if (copy.path("nsPerOp").isArray()) {
                        ArrayNode rounds = json.createArrayNode();
                        for (var round : copy.path("nsPerOp")) {
                            rounds.add(round.asDouble() * (1 + fork / 10.0));
                        }
                        copy.set("nsPerOp", rounds);
                    }
                } else if (fork > 0) {
                    continue; // the profiler ran once
                }
                forked.add(copy);
            }
        }
        root.set("results", forked);
        root.put("forks", 3);
        json.writeValue(dir.resolve("native.json").toFile(), root);
        return dir;
    }

    @Test
    void aFileOfSeveralProcessesGivesEachScenarioOneMeasurementWhoseGroupsAreItsProcessesRounds(@TempDir Path tmp)
            throws Exception {
        Run single = RunLoader.load(Fixtures.run());
        Run forked = RunLoader.load(threeProcesses(tmp));
        ScenarioKey headline = new ScenarioKey("reopen", Scenario.HEADLINE);
        Measurement one = single.measurements().stream()
                .filter(m -> m.harness() == Harness.NATIVE && m.key().equals(headline)).findFirst().orElseThrow();

        assertThat(forked.measurements()).filteredOn(m -> m.harness() == Harness.NATIVE)
                .hasSameSizeAs(single.measurements().stream().filter(m -> m.harness() == Harness.NATIVE).toList())
                .allSatisfy(m -> assertThat(m.nsPerOp().processes()).isEqualTo(3).isEqualTo(m.nsPerOp().groupCount()));
        Measurement three = forked.measurements().stream()
                .filter(m -> m.harness() == Harness.NATIVE && m.key().equals(headline)).findFirst().orElseThrow();
        for (int fork = 0; fork < 3; fork++) {
            assertThat(three.nsPerOp().group(fork)).as("process " + fork).hasSize(one.nsPerOp().groupCount());
            assertThat(three.nsPerOp().group(fork)[0]).isCloseTo(one.nsPerOp().group(0)[0] * (1 + fork / 10.0),
                    within(1e-6));
        }
        assertThat(three.traps()).isEqualTo(new Traps(3 * one.traps().expected(), 3 * one.traps().observed()));
        assertThat(forked.notMeasured()).as("each process says a scenario is not run; the report says it once")
                .hasSameSizeAs(single.notMeasured());
    }

    @Test
    void aScenarioWithOneProcessWhoseTrapPremiseFailedIsNotMeasuredAndSaysWhichProcess(@TempDir Path tmp)
            throws Exception {
        Path dir = threeProcesses(tmp);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(dir.resolve("native.json").toFile());
        ObjectNode trapping = null;
        for (var result : root.path("results")) {
            if (result.path("fork").asInt(-1) == 1 && result.path("traps").path("expected").asLong() > 0) {
                trapping = (ObjectNode) result;
                break;
            }
        }
        assertThat(trapping).as("a trapping result in the fixture").isNotNull();
        ((ObjectNode) trapping.path("traps")).put("observed", trapping.path("traps").path("expected").asLong() - 1);
        json.writeValue(dir.resolve("native.json").toFile(), root);
        ScenarioKey failed = NativeLoader.scenarioKey(trapping, "test");
        String matrix = trapping.path("matrix").asText(Harness.NATIVE.label());

        Run run = RunLoader.load(dir);

        assertThat(run.measurements()).noneMatch(m -> m.harness() == Harness.NATIVE && m.key().equals(failed)
                && m.source().equals(matrix));
        assertThat(run.notMeasured()).anySatisfy(n -> assertThat(n.why()).startsWith("premise failed in process 1: "));
    }

    @Test
    void readsTheEnvironmentAndTheRunInfo() throws Exception {
        Run run = RunLoader.load(Fixtures.run());
        assertThat(run.environment().source()).isEqualTo("env.json");
        assertThat(run.environment().kernel()).isNotBlank();
        assertThat(run.environment().debugRegisters()).isEqualTo(4);
        assertThat(run.environment().capabilities()).extracting(Environment.Capability::name)
                .contains("breakpointPmu", "modifyAttributes", "signalDelivery");
        assertThat(run.info().profile()).isEqualTo("fixture");
        assertThat(run.notMeasured()).anySatisfy(n -> assertThat(n.what()).isEqualTo("profiler matrix"));
    }

    @Test
    void aRunWithoutEnvJsonFallsBackToTheNativeEnvBlockAndWithoutRunJsonSaysUnknown(@TempDir Path tmp)
            throws Exception {
        Run run = RunLoader.load(Fixtures.copy(tmp, "run", "native.json"));
        assertThat(run.environment().source()).isEqualTo("native.json env block");
        assertThat(run.environment().kernel()).isEqualTo("6.18.44-fc-v669");
        assertThat(run.info().command()).isNull();
        assertThat(run.hasJmh()).isFalse();
        assertThat(run.notMeasured()).anySatisfy(n -> assertThat(n.why()).contains("jmh.json is not in"));
    }
}
