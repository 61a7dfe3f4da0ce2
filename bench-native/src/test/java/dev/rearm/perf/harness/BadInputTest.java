package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.HostPrecondition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input stops the harness before anything runs: exit 2, one line on stderr that names the
 * option and what is valid, nothing on stdout, no output file.
 */
class BadInputTest {
    @TempDir
    Path dir;

    /** Refused by the parser alone, before the machine is even probed. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--pages, 3, '1, 2, 4, 8'",
        "--pages, 1024, '1, 2, 4, 8'",
        "--pages, 0, '1, 2, 4, 8'",
        "--bpLen, 3, '1, 2, 4, 8'",
        "--bpType, Q, 'W, RW, X'",
        "--strategy, teleport, 'reopen, modify'",
        "--notify, email, 'none, signal'",
        "--notify, bogus, 'none, signal, sigtrap'",
        "--matrix, everything, 'headline, pages'",
        "--rounds, 0, 'from 1'",
        "--iterations, 0, 'from 1'",
        "--iterations, many, 'from 1'",
        "--warmup, -1, 'from 0'",
        "--trapEvery, -1, '>= 0'",
        "--threads, 0, '1..nproc'",
        "--slots, 0, '1..debug registers'",
    })
    void valueOutsideTheVocabularyIsRefusedWithTheValidValues(String option, String value, String valid) {
        HarnessRun run = RefusedInput.runWithOut(dir, "moves", option, value);

        RefusedInput.assertRefusedInOneLine(dir, run, option + " " + value, valid);
    }

    @Test
    void unknownOptionIsRefusedWithTheListOfOptions() {
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "moves", "--speed", "fast"), "--speed", "--strategy", "--trapEvery", "--help");
    }

    @Test
    void optionWithoutItsValueIsRefused() {
        RefusedInput.assertRefusedInOneLine(dir, Harness.run("moves", "--rounds"), "--rounds");
    }

    @Test
    void outputInAMissingDirectoryIsRefusedBeforeRunning() {
        HarnessRun run = Harness.run("moves", "--out", dir.resolve("missing/native.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).hasSize(1);
        assertThat(run.stderrLines().get(0)).contains("--out", "missing", "valid");
    }

    @Test
    void outputThatIsADirectoryIsRefusedBeforeRunning() {
        HarnessRun run = Harness.run("moves", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines()).hasSize(1);
        assertThat(run.stderrLines().get(0)).contains("--out", "names a directory", "valid");
    }

    @Test
    void slotsBeyondTheDebugRegistersFoundAreRefused() {
        Harness.assumeWatchpoints();
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "moves", "--slots", "33"), "--slots 33", "debug registers", "1..");
    }

    @Test
    void threadsBeyondTheCpusAreRefused() {
        Harness.assumeWatchpoints();
        int tooMany = Runtime.getRuntime().availableProcessors() + 1;
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "moves", "--threads", String.valueOf(tooMany)), "--threads " + tooMany, "1..");
    }

    @Test
    void readOnlyWatchpointsAreRefusedWhereTheCpuRefusesThem() {
        Harness.assumeWatchpoints();
        HostPrecondition.assume(System.getProperty("os.arch").equals("amd64"), "x86 refuses R watchpoints; other arches may not");
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "moves", "--bpType", "R"), "--bpType R", "EINVAL", "W, RW, X");
    }

    @Test
    void lengthTheCpuRefusesForTheTypeIsRefused() {
        Harness.assumeWatchpoints();
        HostPrecondition.assume(System.getProperty("os.arch").equals("amd64"), "x86 execute watchpoints take bp_len 8 only");
        RefusedInput.assertRefusedInOneLine(dir, RefusedInput.runWithOut(dir, "moves", "--bpType", "X", "--bpLen", "1"), "--bpLen 1", "--bpType X", "8");
    }

    @Test
    void refusedInputLeavesAnEarlierOutputFileAsItWas() throws Exception {
        Path out = dir.resolve("native.json");
        Files.writeString(out, "earlier run");

        HarnessRun run = Harness.run("moves", "--pages", "3", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(out).hasContent("earlier run");
    }
}
