package dev.rearm.jmh.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.probe.Probe;
import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * benchmarks.jar's main as a user starts it (README's command with a mistyped strategy): once
 * six forks' stack traces and exit 0, now one line and exit 2 before JMH starts a fork. Where no
 * watchpoint fires, README's command itself: once a premise failure per iteration and exit 0,
 * now one line and exit 3.
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

    /** README's command; on a host whose watchpoints fire, the gate lets the same run through to JMH. */
    @Test
    @Tag(KernelSupport.TRAPS_TAG)
    void aRunOfBenchmarksThatNeedATrapIsRefusedInOneLineWithExit3WhereNoWatchpointFires() {
        boolean trapsFire = KernelSupport.trapsFireHere();
        ChildJvm.Result run = benchmarksMain("HeadlineBenchmark", "-p", "strategy=modify", "-p", "trapEvery=0",
                "-f", "0", "-wi", "0", "-i", "1", "-r", "100ms", "-rf", "json", "-rff", dir.resolve("jmh.json").toString());

        if (trapsFire) {
            assertThat(run.exit()).as(run.stderr()).isZero();
            assertThat(run.stderr()).doesNotContain("nothing run");
            assertThat(run.stdout()).contains("HeadlineBenchmark.move");
            return;
        }
        assertThat(run.exit()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderr().lines()).singleElement().asString()
                .startsWith("benchmarks.jar: HeadlineBenchmark.move needs a store under a watchpoint to trap, and here ")
                .contains(Probe.storesTrap().reason())
                .endsWith("; nothing run (BindingFloorBenchmark needs no trap and still runs)");
        assertThat(run.stdout()).as("JMH printed nothing: no fork, no run header").isEmpty();
    }

    /**
     * A probe that cannot load the perf calls (here: a binding that does not exist) has not shown
     * that traps never fire: the run goes on to JMH, whose run then reports the same failure.
     */
    @Test
    void aProbeThatCannotRunLeavesTheRunToJmh() {
        ChildJvm.Result run = benchmarksMain(List.of("-Drearm.binding=teleport"), "HeadlineBenchmark", "-p",
                "strategy=modify", "-p", "trapEvery=0", "-f", "0", "-wi", "0", "-i", "1", "-r", "100ms");

        assertThat(run.stderr()).doesNotContain("benchmarks.jar:");
        assertThat(run.stdout()).as(run.stderr()).contains("# JMH version");
    }

    /** A list runs nothing, so it needs no trap, whatever it selects and wherever it runs. */
    @Test
    void listingBenchmarksIsNeverRefused() {
        for (String list : List.of("-l", "-lp")) {
            ChildJvm.Result run = benchmarksMain(list, "-p", "trapEvery=0");

            assertThat(run.exit()).as(list + ": " + run.stderr()).isZero();
            assertThat(run.stderr()).as(list).doesNotContain("nothing run");
            assertThat(run.stdout()).as(list).contains("dev.rearm.jmh.benchmarks.HeadlineBenchmark.move",
                    "dev.rearm.jmh.benchmarks.BindingFloorBenchmark.gettid");
        }
    }

    /** The binding floors only time calls: the trap gate never stops them, here or anywhere. */
    @Test
    void bindingFloorRunsWhereNoWatchpointFires() {
        ChildJvm.Result run = benchmarksMain("BindingFloorBenchmark.gettid", "-p", "binding=jni", "-f", "0", "-wi", "0",
                "-i", "1", "-r", "100ms");

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).doesNotContain("nothing run");
        assertThat(run.stdout()).contains("BindingFloorBenchmark.gettid").doesNotContain("<failure>");
    }

    private ChildJvm.Result benchmarksMain(String... args) {
        return benchmarksMain(List.of(), args);
    }

    private ChildJvm.Result benchmarksMain(List<String> jvmOptions, String... args) {
        // A private java.io.tmpdir for JMH's machine-wide lock, as ForkNativeAccessTest does.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir));
        command.addAll(jvmOptions);
        // What benchmarks.jar's manifest grants with Enable-Native-Access under java -jar: without it
        // a JDK 22+ warns when the launcher's probe loads JNA (JDK 17 accepts the flag silently).
        command.add(ChildJvm.NATIVE_ACCESS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarksMain.class.getName()));
        command.addAll(List.of(args));
        return ChildJvm.exec(command);
    }
}
