package dev.rearm.jmh.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * benchmarks.jar's main as a user starts it (README's command with a mistyped strategy): once
 * six forks' stack traces and exit 0, now one line and exit 2 before JMH starts a fork.
 */
class BenchmarksMainTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownStrategyIsRefusedInOneLineWithExitTwoBeforeAnyForkStarts() {
        ChildJvm.Result run = benchmarksMain("HeadlineBenchmark", "-p", "strategy=teleport", "-f", "1", "-wi", "0", "-i", "1",
                "-r", "100ms");

        assertThat(run.exit()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr().lines()).singleElement().asString().isEqualTo("benchmarks.jar: -p strategy=teleport: "
                + "strategy 'teleport' is not one of reopen, modify (dev.rearm.jmh.benchmarks.HeadlineBenchmark.move); "
                + "nothing run");
        assertThat(run.stdout()).as("JMH printed nothing: no fork, no run header").isEmpty();
    }

    /** The positive control: JMH's own answers still come through (here its list of benchmarks). */
    @Test
    void whatTheCheckPassesReachesJmhUnchanged() {
        ChildJvm.Result run = benchmarksMain("-l", "HeadlineBenchmark");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("dev.rearm.jmh.benchmarks.HeadlineBenchmark.move");
    }

    private ChildJvm.Result benchmarksMain(String... args) {
        // A private java.io.tmpdir for JMH's machine-wide lock, as ForkNativeAccessTest does.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                BenchmarksMain.class.getName()));
        command.addAll(List.of(args));
        return ChildJvm.exec(command);
    }
}
