package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.KernelVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * perfbp-bench trap-anatomy: every part is measured with its premise proven, or "not run" with
 * the reason; the references need no perf at all, so they run wherever the harness does.
 */
@Tag(KernelSupport.TRAPS_TAG)
class TrapAnatomyTest {
    private static final List<String> WATCHPOINT_PARTS = List.of("count", "ring", "ring-wakeup", "ring-signal", "sigtrap");
    private static final List<String> REFERENCES = List.of("int3", "single-step", "tgkill", "getppid");
    private static JsonNode anatomy;
    private static JsonNode document;

    @BeforeAll
    static void runOnce(@TempDir Path dir) {
        Harness.assumeWatchpoints();
        Path out = dir.resolve("native.json");
        HarnessRun run = Harness.run("trap-anatomy", "--rounds", "3", "--warmup", "1", "--ops", "200", "--out",
                out.toString());
        assertThat(run.exitCode()).as("stderr:%n%s", run.stderr()).isZero();
        assertThat(run.stderr()).contains("perfbp-bench trap-anatomy: 9 parts in");
        document = Harness.read(out);
        anatomy = document.path("anatomy");
    }

    private static JsonNode part(String name) {
        for (JsonNode part : anatomy.path("parts")) {
            if (part.path("part").asText().equals(name)) {
                return part;
            }
        }
        throw new AssertionError("no part " + name + " in " + anatomy);
    }

    @Test
    void theDocumentHasTheHarnessEnvAndAnAnatomyBlockWithEveryPartInOrder() {
        assertThat(document.path("harness").asText()).isEqualTo("native");
        assertThat(document.path("env").path("kernel").isTextual()).isTrue();
        assertThat(document.path("results")).isEmpty();
        List<String> names = new ArrayList<>();
        anatomy.path("parts").forEach(p -> names.add(p.path("part").asText()));
        List<String> all = new ArrayList<>(WATCHPOINT_PARTS);
        all.addAll(REFERENCES);
        assertThat(names).containsExactlyElementsOf(all);
        assertThat(anatomy.path("rounds").asInt()).isEqualTo(3);
    }

    @Test
    void everyMeasuredPartHasOnePositiveFigurePerRoundInBothLoopsAndItsTrapsAllCounted() {
        for (JsonNode part : anatomy.path("parts")) {
            if (!part.path("status").asText().equals("ok")) {
                continue;
            }
            assertThat(part.path("trapNsPerOp")).as(part.path("part").asText()).hasSize(3)
                    .allSatisfy(v -> assertThat(v.asDouble()).isPositive());
            assertThat(part.path("plainNsPerOp")).hasSize(3).allSatisfy(v -> assertThat(v.asDouble()).isPositive());
            assertThat(part.path("traps").path("observed").asLong()).isEqualTo(part.path("traps").path("expected").asLong());
        }
    }

    @Test
    void theReferenceExceptionsAndSignalsRunWithoutPerfAndCountEveryHandlerCall() {
        boolean x86 = System.getProperty("os.arch").equals("amd64");
        for (String name : REFERENCES) {
            JsonNode part = part(name);
            if (name.equals("single-step") && !x86) {
                assertThat(part.path("status").asText()).isEqualTo("not run");
                assertThat(part.path("reason").asText()).contains("no user-space single-step");
                continue;
            }
            assertThat(part.path("status").asText()).as(name).isEqualTo("ok");
        }
        assertThat(part("int3").path("traps").path("expected").asLong()).as("3 rounds x 200 ops").isEqualTo(600);
    }

    /** Decided by the independent check, not by the harness: a harness that skips wrongly fails here. */
    @Test
    void watchpointPartsRunWhereWatchpointsFireAndSayWhyNotWhereTheyNeverDo() {
        boolean fires = KernelSupport.trapsFireHere();
        for (String name : WATCHPOINT_PARTS) {
            JsonNode part = part(name);
            if (fires && name.equals("sigtrap")) {
                assertSigtrapAsThisKernelAllows(part);
            } else if (fires) {
                assertThat(part.path("status").asText()).as(name + ": " + part).isEqualTo("ok");
            } else {
                assertThat(part.path("status").asText()).as(name).isEqualTo("not run");
                assertThat(part.path("reason").asText()).startsWith("no watchpoint fires here");
            }
        }
    }

    /**
     * attr.sigtrap came with Linux 5.13 (the kernel version from the Java probe, not the harness):
     * from it on the part must run, so a sigtrap that regressed to EINVAL fails here; before it,
     * the part is "not run" for exactly that reason.
     */
    private static void assertSigtrapAsThisKernelAllows(JsonNode part) {
        KernelVersion kernel = KernelVersion.running();
        if (kernel.olderThan(5, 13)) {
            assertThat(part.path("status").asText()).as("sigtrap on Linux " + kernel + ": " + part).isEqualTo("not run");
            assertThat(part.path("reason").asText()).contains("attr.sigtrap needs Linux 5.13 or newer");
        } else {
            assertThat(part.path("status").asText()).as("sigtrap on Linux " + kernel + ": " + part).isEqualTo("ok");
        }
    }

    @Test
    void badInputIsRefusedInOneLineNamingTheOptionAndWhatIsValid(@TempDir Path dir) {
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "trap-anatomy", "--part", "int3,bogus"),
                "--part 'int3,bogus'", "count, ring, ring-wakeup");
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "trap-anatomy", "--rounds", "0"),
                "--rounds '0'", "1 to 1000");
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "trap-anatomy", "--ops", "x"),
                "--ops 'x'");
    }

    @Test
    void itsHelpListsOnlyItsOwnOptionsAndTheTopLevelHelpNamesIt() {
        HarnessRun help = Harness.run("trap-anatomy", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("--part LIST", "--rounds N", "--ops N", "single-step")
                .doesNotContain("--matrix", "--strategy", "--workload");
        assertThat(Harness.run("--help").stdout()).contains("trap-anatomy        what one trap costs here");
    }
}
