package dev.rearm.perf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rearm.perf.testsupport.KernelSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code probe --json --out FILE} run through the real CLI on this machine: the JSON that
 * becomes a run's env.json carries the keys other tools read, with the types they expect.
 */
@Tag(KernelSupport.TRAPS_TAG)
class ProbeCommandTest {

    @Test
    void jsonCarriesTheEnvKeysOtherToolsRead(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("nested/env.json");
        String printed = runCli("probe", "--json", "--out", out.toString());

        JsonNode env = new ObjectMapper().readTree(Files.readString(out));
        assertThat(new ObjectMapper().readTree(printed)).as("stdout is the same JSON").isEqualTo(env);
        assertThat(env.get("kernel").isTextual()).isTrue();
        assertThat(env.get("arch").asText()).isEqualTo(System.getProperty("os.arch"));
        assertThat(env.get("cpu").isTextual()).isTrue();
        assertThat(env.get("hypervisor").isBoolean()).isTrue();
        assertThat(env.get("paranoid").isInt()).isTrue();
        assertThat(env.get("mlockKb").isIntegralNumber()).isTrue();
        for (String capability : new String[] {"breakpointPmu", "debugRegisters", "watchpointTraps", "modifyAttributes",
                "signalDelivery"}) {
            assertThat(env.get(capability).get("supported").isBoolean()).as(capability + ".supported").isTrue();
            assertThat(env.get(capability).get("reason").asText()).as(capability + ".reason").isNotBlank();
        }
        assertThat(env.get("debugRegisters").get("count").isInt()).isTrue();
        assertThat(env.get("shapes").isArray()).isTrue();
        assertThat(dir.resolve("nested")).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    /** On this machine the probe must agree with what the kernel tests find (none of them skips). */
    @Test
    void jsonReportsWhatTheKernelTestsRelyOn(@TempDir Path dir) throws IOException {
        KernelSupport.assumeModify();
        Path out = dir.resolve("env.json");
        runCli("probe", "--json", "--out", out.toString());
        JsonNode env = new ObjectMapper().readTree(Files.readString(out));
        assertThat(env.get("breakpointPmu").get("supported").asBoolean()).isTrue();
        assertThat(env.get("modifyAttributes").get("supported").asBoolean()).isTrue();
        assertThat(env.get("debugRegisters").get("count").asInt())
                .isEqualTo(KernelSupport.probe().debugRegisters().count()).isPositive();
    }

    @Test
    void tableIsTheDefaultAndEndsWithAVerdict() {
        assertThat(runCli("probe")).contains("breakpoint PMU").contains("debug registers").contains("verdict: ");
    }

    @Test
    void missingCommandIsOneLineNamingTheCommands() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new RearmNativeCli()).execute();
        } finally {
            System.setErr(originalErr);
        }
        assertThat(exit).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("name a command: probe").doesNotContain("\tat ");
    }

    private static String runCli(String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new RearmNativeCli()).execute(args);
        } finally {
            System.setOut(originalOut);
        }
        assertThat(exit).as("probe exits 0 whenever it could report").isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
