package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The profiler's options: bad values and options that do not apply stop the harness with one
 * line (exit 2) before anything runs; the matrix lists its runs; the modify ioctl refused for real
 * (perfbp-refuse) exits 3 unless only reopen is asked for.
 */
@Tag(KernelSupport.TRAPS_TAG)
class ProfilerInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--workload, teleport, 'hash, stream, chase'",
        "--workload, 'hash,,chase', 'hash, stream, chase'",
        "--rate, 0, '1..100000'",
        "--rate, 200000, '1..100000'",
        "--rate, fast, '1..100000'",
        "--rate, '1000,-5', '1..100000'",
        "--work, 0, '1..60000'",
        "--work, 60001, '1..60000'",
        "--work, soon, '1..60000'",
    })
    void badProfilerValueIsRefusedWithTheValidValues(String option, String value, String valid) {
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "profiler", option, value), option, valid);
    }

    @Test
    void strategyTheToolCannotArmWithIsRefused() {
        Harness.assumeWatchpoints();
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "profiler", "--strategy", "reopen-nobuf"),
                "--strategy reopen-nobuf", "reopen, modify");
    }

    @Test
    void profilerValueWithoutItsArgumentNamesTheValidValues() {
        RefusedInput.assertRefusedInOneLine(dir, Harness.run("profiler", "--rate"), "--rate", "1..100000");
    }

    @Test
    void dryRunListsEveryWorkloadAloneAndUnderEachStrategyAtEachRateAndAllLeavesTheProfilerOut() {
        Harness.assumeWatchpoints();
        HarnessRun profiler = Harness.run("profiler", "--dry-run");
        HarnessRun all = Harness.run("moves", "--matrix", "all", "--dry-run");

        assertThat(profiler.exitCode()).as(profiler.stderr()).isZero();
        List<String> lines = profiler.stdout().lines().filter(l -> l.matches("^\\s*\\d+ profiler .*")).toList();
        // 3 workloads x (none + 3 rates x {sampler, reopen, modify})
        assertThat(lines).hasSize(3 * (1 + 3 * 3));
        assertThat(lines).filteredOn(l -> l.contains(" none ")).hasSize(3);
        assertThat(lines).filteredOn(l -> l.contains("rate=20000")).hasSize(9);
        assertThat(all.stdout()).doesNotContain(" profiler ");
    }

    @Test
    void helpDescribesTheProfilerAndItsOptions() {
        HarnessRun run = Harness.run("profiler", "--help");

        assertThat(run.stdout()).contains("--workload", "--rate", "--work", "HOW IT MEASURES", "1/(1+k)",
                "hardware PMU", "PEBS, IBS");
    }

    @Test
    void helpSaysWhichPartsTheRunMeasuresForThePrediction() {
        HarnessRun run = Harness.run("profiler", "--help");

        assertThat(run.stdout()).contains("signalReference", "afterRound", "tgkill to this thread");
    }

    @Test
    void kernelWithoutTheModifyIoctlRefusesTheProfilersModifyToolButRunsReopen() {
        Harness.assumeTraps();
        Path out = dir.resolve("native.json");
        List<String> tiny = List.of("profiler", "--workload", "hash", "--rate", "1000", "--work", "3",
                "--rounds", "1", "--warmup", "0", "--out", out.toString());

        HarnessRun refused = Harness.runRefused(List.of("--modify", "ENOTTY"), tiny);
        assertThat(refused.exitCode()).as(refused.stderr()).isEqualTo(3);
        assertThat(refused.stderr()).contains("PERF_EVENT_IOC_MODIFY_ATTRIBUTES", "ENOTTY", "--strategy reopen");
        assertThat(out).doesNotExist();

        List<String> reopenOnly = new ArrayList<>(tiny);
        reopenOnly.addAll(List.of("--strategy", "reopen"));
        HarnessRun run = Harness.runRefused(List.of("--modify", "ENOTTY"), reopenOnly);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> strategies = new ArrayList<>();
        Harness.read(out).path("results").forEach((JsonNode r) -> strategies.add(r.path("strategy").asText()));
        assertThat(strategies).containsExactly("none", "sampler", "reopen");
    }
}
