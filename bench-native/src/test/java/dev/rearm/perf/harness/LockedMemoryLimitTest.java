package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.HostPrecondition;
import dev.rearm.perf.testsupport.KernelSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A ring that does not fit the locked-memory limit is reported "not run: needs N KiB locked,
 * limit is M KiB" and the rest of the run goes on. Produced for real: the harness runs as
 * {@code nobody} (root has CAP_IPC_LOCK and is exempt) under a small {@code ulimit -l}. The
 * expected figures are computed here from the sysctl, the online CPUs and the ulimit, the way
 * perf_mmap() charges a ring (perf_event_mlock_kb per online CPU per user, then RLIMIT_MEMLOCK),
 * and the boundary is checked against the kernel itself: one page more of ulimit and it runs.
 * What needs no trap (the dry runs, round-size's refusal when nothing can run) runs wherever
 * watchpoints open; the measuring runs need a trap for their premise.
 */
@Tag(KernelSupport.TRAPS_TAG)
class LockedMemoryLimitTest {
    private static final Pattern NOT_RUN = Pattern.compile("needs (\\d+) KiB locked, limit is (\\d+) KiB");
    private static final int BIG_RING = 512;
    private static final int ULIMIT_KB = 64;

    /** World-readable: nobody cannot reach a build folder under /root. */
    @TempDir
    Path shared;

    private Path binary;
    private Path out;
    private long pageKb;
    private long perfKb;

    @BeforeEach
    void asNobodyWithWatchpoints() throws IOException {
        Harness.assumeWatchpoints();
        HostPrecondition.assume(isRoot(), "switches to the user nobody, so it runs only as root");
        HostPrecondition.assume(ChildJvm.exec(List.of("sh", "-c", "command -v runuser && id -u nobody")).exit() == 0,
                "no runuser or no user nobody here");
        long paranoid = sysctl("perf_event_paranoid");
        HostPrecondition.assume(paranoid <= 2 && paranoid >= 0, "perf_event_paranoid is " + paranoid
                + ": nobody may not watch (3+) or the kernel checks no limit (-1)");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        binary = Files.copy(Harness.BINARY, shared.resolve("perfbp-bench"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        out = shared.resolve("native.json");
        pageKb = Long.parseLong(ChildJvm.exec(List.of("getconf", "PAGESIZE")).stdout().trim()) / 1024;
        perfKb = sysctl("perf_event_mlock_kb") / pageKb * pageKb * onlineCpus();
    }

    @Test
    void aRingBeyondTheLimitIsNotRunWithTheFiguresAndTheRestIsMeasured() {
        Harness.assumeTraps();
        long neededKb = (BIG_RING + 1) * pageKb;
        long limitKb = perfKb + ULIMIT_KB / pageKb * pageKb;
        HostPrecondition.assume(neededKb > limitKb, "a " + BIG_RING + "-page ring fits this machine's limit of " + limitKb + " KiB");

        HarnessRun run = asNobody(ULIMIT_KB, "--pages", "1," + BIG_RING);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("not run: modify", "pages=" + BIG_RING);
        JsonNode doc = Harness.read(out);
        assertThat(doc.path("env").path("lockedMemory").path("limitKb").asLong()).isEqualTo(limitKb);
        JsonNode small = result(doc, 1);
        assertThat(small.path("status").asText()).isEqualTo("ok");
        assertThat(small.path("nsPerOp")).hasSize(Harness.tinyRounds());
        JsonNode big = result(doc, BIG_RING);
        assertThat(big.path("status").asText()).isEqualTo("not run");
        assertThat(big.has("nsPerOp")).as("a scenario not run has no figures").isFalse();
        Matcher figures = NOT_RUN.matcher(big.path("reason").asText());
        assertThat(figures.find()).as(big.path("reason").asText()).isTrue();
        assertThat(Long.parseLong(figures.group(1))).isEqualTo(neededKb);
        assertThat(Long.parseLong(figures.group(2))).isEqualTo(limitKb);
    }

    @Test
    void theComputedLimitIsTheKernelsToThePage() {
        Harness.assumeTraps();
        long neededKb = (BIG_RING + 1) * pageKb;
        long ulimitKb = neededKb - perfKb; // exactly what the kernel charges beyond perf_event_mlock_kb
        HostPrecondition.assume(ulimitKb > pageKb, "a " + BIG_RING + "-page ring fits perf_event_mlock_kb alone here");

        HarnessRun justEnough = asNobody(ulimitKb, "--pages", String.valueOf(BIG_RING));
        assertThat(justEnough.exitCode()).as(justEnough.stderr()).isZero();
        assertThat(result(Harness.read(out), BIG_RING).path("status").asText())
                .as("the kernel mapped it: the harness must not have refused it").isEqualTo("ok");

        HarnessRun onePageShort = asNobody(ulimitKb - pageKb, "--pages", String.valueOf(BIG_RING));
        assertThat(onePageShort.exitCode()).as(onePageShort.stderr()).isZero();
        assertThat(result(Harness.read(out), BIG_RING).path("reason").asText())
                .as("refused up front, not by a failed mmap").startsWith("needs " + neededKb + " KiB locked");
    }

    /** moves' dry run and round-size's give each scenario they leave out the same reason. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"moves", "round-size"})
    void dryRunMarksTheScenariosThatWillNotRunWithTheirReason(String command) {
        long neededKb = (BIG_RING + 1) * pageKb;
        HostPrecondition.assume(neededKb > perfKb + ULIMIT_KB, "a " + BIG_RING + "-page ring fits this machine's limit");

        HarnessRun run = asNobodyRaw(ULIMIT_KB, command, "--strategy", "modify", "--pages", "1," + BIG_RING,
                "--dry-run");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).containsPattern("pages=" + BIG_RING + " .*\\(not run: needs " + neededKb + " KiB");
        assertThat(run.stdout()).doesNotContainPattern("pages=1 .*not run");
    }

    /** round-size writes what it compared; with every scenario left out it stops, as a kernel refusal does. */
    @Test
    void roundSizeWithNoScenarioItCanRunExitsThreeWithTheReasonsAndWritesNothing() {
        long neededKb = (BIG_RING + 1) * pageKb;
        HostPrecondition.assume(neededKb > perfKb + ULIMIT_KB, "a " + BIG_RING + "-page ring fits this machine's limit");

        HarnessRun run = asNobodyRaw(ULIMIT_KB, "round-size", "--strategy", "modify", "--pages",
                String.valueOf(BIG_RING), "--rounds", "1");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderrLines()).hasSize(2);
        assertThat(run.stderrLines().get(0)).startsWith("perfbp-bench: not run: modify").contains(
                "pages=" + BIG_RING, "needs " + neededKb + " KiB locked");
        assertThat(run.stderrLines().get(1)).startsWith("perfbp-bench: round-size: none of the 1 scenarios can run here")
                .contains("needs " + neededKb + " KiB locked", "nothing written");
        assertThat(run.stdout()).isEmpty();
        assertThat(out).doesNotExist();
    }

    private HarnessRun asNobody(long ulimitKb, String... args) {
        List<String> command = new ArrayList<>(List.of("moves", "--strategy", "modify", "--trapEvery", "0"));
        command.addAll(Harness.TINY);
        command.addAll(List.of(args));
        return asNobodyRaw(ulimitKb, command.toArray(String[]::new));
    }

    private HarnessRun asNobodyRaw(long ulimitKb, String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--out", out.toString()));
        String script = "ulimit -l " + ulimitKb + " && exec \"$0\" \"$@\"";
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "nobody", "--", "sh", "-c", script));
        full.addAll(command);
        ChildJvm.Result result = ChildJvm.exec(full);
        return new HarnessRun(result.exit(), result.stdout(), result.stderr());
    }

    private static JsonNode result(JsonNode doc, int pages) {
        for (JsonNode result : doc.path("results")) {
            if (result.path("pages").asInt() == pages) {
                return result;
            }
        }
        throw new AssertionError("no result with pages=" + pages + " in " + doc.path("results"));
    }

    private static long sysctl(String name) throws IOException {
        return Long.parseLong(Files.readAllLines(Path.of("/proc/sys/kernel", name)).get(0).trim());
    }

    /** "0-1,4" -> 3: perf_event_mlock_kb counts once per online CPU. */
    private static long onlineCpus() throws IOException {
        long count = 0;
        for (String range : Files.readAllLines(Path.of("/sys/devices/system/cpu/online")).get(0).trim().split(",")) {
            String[] ends = range.split("-");
            count += ends.length == 1 ? 1 : Long.parseLong(ends[1]) - Long.parseLong(ends[0]) + 1;
        }
        return count;
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    }
}
