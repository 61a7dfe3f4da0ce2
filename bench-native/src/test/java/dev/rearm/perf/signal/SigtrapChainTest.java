package dev.rearm.perf.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.linux.PerfbpLibrary;
import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.HeaderFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sigtrap handler owns SIGTRAP but must not swallow anyone else's: a SIGTRAP whose si_code
 * is not TRAP_PERF goes to the disposition that was there before, whatever it was (a handler,
 * ignore, or the default, which ends the process). Each case runs in a process of its own.
 */
class SigtrapChainTest {
    private static final Path SOURCE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("src/test/c/sigtrap_chain.c");

    @Test
    void aPlainSigtrapReachesThePreviousSiginfoHandlerAndIsNotCountedAsATrap() {
        Path binary = ChildJvm.buildDirectory().resolve("test-native/sigtrap_chain");
        HeaderFacts.all(); // skips this test, saying why, where gcc is missing
        ChildJvm.Result build = ChildJvm.exec(List.of("gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror",
                "-D_GNU_SOURCE", "-o", binary.toString(), SOURCE.toString(), "-ldl"));
        assertThat(build.exit()).as(build.describe()).isZero();

        ChildJvm.Result run = ChildJvm.exec(List.of(binary.toString(), PerfbpLibrary.path()));

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe())
                .contains("previous 1\n")
                .contains("perf 0\n")
                .contains("chained 1\n");
        assertThat(run.stdout()).contains("previous_code " + (int) HeaderFacts.of("SI_TKILL") + "\n");
    }

    /** HotSpot on x86_64 and aarch64 leaves SIGTRAP at its default: the JVM ends as it would have without us. */
    @Test
    void inAJvmAPlainSigtrapStillEndsTheProcessAsTheDefaultWould() {
        ChildJvm.Result run = new ChildJvm().jvmOption("-XX:-CreateCoredumpOnCrash")
                .run(SigtrapChainChild.class.getName());

        assertThat(run.stdout()).as(run.describe()).doesNotContain("survived");
        assertThat(run.exit()).as(run.describe()).isEqualTo(128 + (int) HeaderFacts.of("SIGTRAP"));
    }

    /** An ignored SIGTRAP (inherited across exec) stays ignored. */
    @Test
    void anIgnoredSigtrapStaysIgnored() {
        ChildJvm.Result run = new ChildJvm().launcher(List.of("sh", "-c", "trap '' TRAP; exec \"$@\"", "sh"))
                .run(SigtrapChainChild.class.getName());

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).contains("survived, chained 1");
    }
}
