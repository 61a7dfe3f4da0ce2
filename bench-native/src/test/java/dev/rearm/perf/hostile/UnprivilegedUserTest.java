package dev.rearm.perf.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rearm.perf.cli.RearmNativeCli;
import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.KernelSupport;
import dev.rearm.perf.testsupport.ReadableClassPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No root needed: with perf_event_paranoid at 2 or lower a user may watch its own user-space
 * memory, so the probe and the kernel tests work as {@code nobody}. Run where this test runs as
 * root and {@code runuser} and the user {@code nobody} exist; skipped elsewhere.
 */
@Tag(KernelSupport.TRAPS_TAG)
class UnprivilegedUserTest {
    private static final List<String> AS_NOBODY = List.of("runuser", "-u", "nobody", "--");

    /** Root's Maven repository is usually closed to others: the class path is copied where nobody can read it. */
    @TempDir
    Path copy;

    private String readableClassPath;
    private String readableWatchpointCheck;

    @BeforeEach
    void canSwitchToNobody() throws IOException {
        HostPrecondition.assume(isRoot(), "runs only as root (it switches to the user nobody)");
        HostPrecondition.assume(ChildJvm.exec(List.of("sh", "-c", "command -v runuser")).exit() == 0, "no runuser here");
        HostPrecondition.assume(ChildJvm.exec(List.of("id", "-u", "nobody")).exit() == 0, "no user nobody here");
        KernelSupport.assumeBreakpoints();
        readableClassPath = copyClassPathReadableByAll();
        readableWatchpointCheck = ReadableClassPath.watchpointCheckOption(copy);
    }

    @Test
    void probeAsNobodyReportsWatchpointsAndModifySupported() throws IOException {
        ChildJvm.Result run = asNobody().run(RearmNativeCli.class.getName(), "probe", "--json");

        assertThat(run.exit()).as(run::describe).isZero();
        JsonNode env = new ObjectMapper().readTree(run.stdout());
        System.out.printf("probe as %s: paranoid %s, breakpointPmu %s, modifyAttributes %s%n",
                env.get("user").asText(), env.get("paranoid"), env.get("breakpointPmu").get("supported"),
                env.get("modifyAttributes").get("supported"));
        assertThat(env.get("user").asText()).isEqualTo("nobody");
        int paranoid = hostParanoid();
        assertThat(env.get("paranoid").asInt()).isEqualTo(paranoid);
        if (paranoid <= 2) {
            // Where watchpoints never fire (checked apart from the probe) nobody must see the same as root.
            boolean fires = KernelSupport.trapsFireHere();
            for (String capability : new String[] {"breakpointPmu", "debugRegisters", "watchpointTraps",
                "modifyAttributes", "signalDelivery"}) {
                boolean needsTraps = !capability.equals("breakpointPmu") && !capability.equals("debugRegisters");
                assertThat(env.get(capability).get("supported").asBoolean()).as(capability + ": " + env.get(capability))
                        .isEqualTo(fires || !needsTraps);
            }
            assertThat(env.get("debugRegisters").get("count").asInt()).as("the same registers as root has")
                    .isEqualTo(KernelSupport.probe().debugRegisters().count());
        } else {
            // A distribution's paranoid 3 or more: nobody is refused, and is told why.
            assertThat(env.get("breakpointPmu").get("supported").asBoolean()).isFalse();
            assertThat(env.get("breakpointPmu").get("reason").asText()).contains("perf_event_paranoid");
        }
    }

    @Test
    void kernelTestsPassAsNobody() throws IOException {
        int paranoid = hostParanoid();
        HostPrecondition.assume(paranoid <= 2, "perf_event_paranoid is " + paranoid + ": an unprivileged user may not watch");
        KernelSupport.assumeTraps();
        ChildJvm.Result run = asNobody().run(KernelTestsInChild.class.getName(),
                "dev.rearm.perf.semantics.DebugRegisterSlotsTest", "dev.rearm.perf.semantics.SignalDeliveryTest");

        assertThat(run.exit()).as(run::describe).isZero();
        List<String> outcomes = Arrays.stream(run.stdout().split("\n")).filter(line -> line.contains("\t")).toList();
        assertThat(outcomes).as(run::describe).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("SUCCESSFUL"));
    }

    private ChildJvm asNobody() {
        return new ChildJvm().launcher(AS_NOBODY).classPath(readableClassPath).jvmOption(readableWatchpointCheck);
    }

    private static int hostParanoid() throws IOException {
        return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/kernel/perf_event_paranoid")).get(0).trim());
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    }

    /** Copies every class path entry into a folder anyone may read; returns the new class path. */
    private String copyClassPathReadableByAll() throws IOException {
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        return ReadableClassPath.copyInto(copy);
    }
}
