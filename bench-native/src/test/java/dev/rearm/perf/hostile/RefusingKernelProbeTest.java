package dev.rearm.perf.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rearm.perf.cli.RearmNativeCli;
import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.KernelSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The probe on a kernel that refuses, for real (seccomp, see {@link KernelRefusal}): it still
 * exits 0, and both its table and its JSON say what is not supported and why, in words that
 * tell the user what to do. One child JVM per refusal writes the JSON to a file and prints the table.
 */
@Tag(KernelSupport.TRAPS_TAG)
class RefusingKernelProbeTest {
    private static final String NOT_TRIED = "not tried: no watchpoint could be opened";

    @ParameterizedTest(name = "{0}")
    @EnumSource(KernelRefusal.class)
    void probeExitsZeroAndExplainsTheRefusal(KernelRefusal refusal, @TempDir Path dir) throws IOException {
        if (!refusal.refusesOpen()) {
            // What remains possible (reopen) can only be shown where watchpoints work at all.
            KernelSupport.assumeBreakpoints();
        }
        Path json = dir.resolve("env.json");

        ChildJvm.Result probe = refusal.runJava(RearmNativeCli.class.getName(), "probe", "--out", json.toString());

        assertThat(probe.exit()).as(probe::describe).isZero();
        assertThat(probe.stderr()).as(probe::describe).isEmpty();
        JsonNode env = new ObjectMapper().readTree(Files.readString(json));
        String table = probe.stdout();
        if (refusal.refusesOpen()) {
            assertOpenRefused(refusal, env, table);
        } else {
            assertOnlyModifyRefused(refusal, env, table);
        }
    }

    private static void assertOpenRefused(KernelRefusal refusal, JsonNode env, String table) {
        JsonNode pmu = env.get("breakpointPmu");
        assertThat(pmu.get("supported").asBoolean()).isFalse();
        assertThat(pmu.get("reason").asText()).contains(refusal.explanation());
        for (String later : new String[] {"debugRegisters", "modifyAttributes", "signalDelivery"}) {
            assertThat(env.get(later).get("supported").asBoolean()).as(later).isFalse();
            assertThat(env.get(later).get("reason").asText()).as(later).startsWith(NOT_TRIED);
        }
        if (refusal == KernelRefusal.OPEN_EPERM && env.get("paranoid").isInt() && env.get("paranoid").asInt() <= 2) {
            // paranoid allows watching here, so the advice must not send the user to sysctl.
            assertThat(pmu.get("reason").asText()).contains("seccomp").doesNotContain("sysctl");
        }
        assertThat(env.get("shapes")).isEmpty();
        assertThat(table).contains("breakpoint PMU         NO   " + pmu.get("reason").asText())
                .contains("verdict: no watchpoint can be opened here");
    }

    private static void assertOnlyModifyRefused(KernelRefusal refusal, JsonNode env, String table) {
        JsonNode modify = env.get("modifyAttributes");
        assertThat(modify.get("supported").asBoolean()).isFalse();
        assertThat(modify.get("reason").asText()).contains(refusal.explanation());
        assertThat(env.get("breakpointPmu").get("supported").asBoolean()).as("open still works").isTrue();
        if (KernelSupport.trapsFireHere()) {
            assertThat(env.get("signalDelivery").get("supported").asBoolean()).as("reopen signals").isTrue();
        }
        assertThat(env.get("debugRegisters").get("count").asInt()).isPositive();
        assertThat(table).contains("modify ioctl           NO   " + modify.get("reason").asText())
                .contains(KernelSupport.trapsFireHere() ? "verdict: only the reopen strategy can run here"
                        : "verdict: watchpoints open here but never fire");
    }
}
