package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad pipeline property we tried ({@code mvn verify -Dbench.X=...} reaches the measure step
 * as one option each): exit 2 and one line naming the property and what is valid, before the
 * probe runs and before any staging folder exists. {@code {file}} is an existing regular file.
 */
class PipelineBadInputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> badSettings() {
        return Stream.of(
                row("--jmh-forks=two", "bench.jmh.forks='two' (--jmh-forks): not usable; valid: a whole number, at least 1"),
                row("--jmh-forks=", "bench.jmh.forks='' (--jmh-forks): not usable; valid: a whole number"),
                row("--jmh-forks=0", "bench.jmh.forks=0: must be at least 1; valid: a whole number, at least 1"),
                row("--jmh-sweep-forks=0", "bench.jmh.sweepForks=0: must be at least 1; valid: a whole number, at least 1"),
                row("--native-forks=0", "bench.native.forks=0: must be at least 1; valid: a whole number of processes "
                        + "per moves matrix, at least 1"),
                row("--native-forks=three", "bench.native.forks='three' (--native-forks): not usable; valid: a whole "
                        + "number, at least 1"),
                row("--jmh-iterations=0", "bench.jmh.iterations=0: must be at least 1; valid"),
                row("--jmh-warmup-iterations=-1", "bench.jmh.warmupIterations=-1: must be at least 0; valid"),
                row("--jmh-time=fast", "bench.jmh.time='fast': not a JMH time; valid: a number and a unit, e.g. 500ms"),
                row("--jmh-warmup-time=soon", "bench.jmh.warmupTime='soon': not a JMH time; valid"),
                row("--jmh-args=-bogus", "bench.jmh.args='-bogus': JMH refuses it", "valid: JMH options"),
                row("--jmh-args=-f", "bench.jmh.args='-f': JMH refuses it", "valid: JMH options"),
                row("--jmh-args=-p strategy=teleport", "bench.jmh.args='-p strategy=teleport': -p strategy=teleport: "
                        + "strategy 'teleport' is not one of reopen, modify (dev.rearm.jmh.benchmarks."),
                row("--include=Headline[", "bench.include 'Headline[' is not a regular expression", "valid: a Java regular"),
                row("--include=nomatch", "bench.include 'nomatch' matches no benchmark; valid: a regular expression "
                        + "found in one of", "HeadlineBenchmark.move"),
                row("--native-matrices=everything", "bench.native.matrices='everything': --matrix everything: unknown "
                        + "matrix 'everything'; valid: headline, pages"),
                row("--native-matrices=", "bench.native.matrices is empty and bench.native.commands names moves; "
                        + "valid: one or more matrix names"),
                row("--native-matrices=all,profiler", "bench.native.matrices='all,profiler': profiler is a command, "
                        + "not a matrix; valid: the commands in bench.native.commands"),
                row("--native-commands=", "bench.native.commands is empty; valid: one or more of moves, profiler"),
                row("--native-commands=everything", "bench.native.commands='everything': unknown command "
                        + "'everything'; valid: moves, profiler, trap-anatomy, round-size"),
                row("--native-rounds=abc", "bench.native.rounds='abc': --rounds abc: not a whole number; valid: a whole "
                        + "number from 1 to 100000"),
                row("--native-rounds=0", "bench.native.rounds='0': --rounds 0: out of range; valid"),
                row("--native-iterations=-5", "bench.native.iterations='-5': --iterations -5: out of range; valid"),
                row("--native-warmup=x", "bench.native.warmup='x': --warmup x: not a whole number; valid"),
                row("--native-skip=maybe", "bench.native.skip='maybe' (--native-skip): not usable; valid: true or false"),
                row("--out={file}", "bench.out='{file}': is a file; valid: a folder path"),
                row("--jmh-frks=2", "Unknown option: '--jmh-frks=2'; valid: --out, --profile"));
    }

    private static Arguments row(String override, String... expected) {
        return Arguments.of(override, List.of(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("badSettings")
    void aBadSettingGetsExitTwoAndOneLineNamingThePropertyBeforeAnythingRuns(String override, List<String> expected)
            throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        String setting = override.replace("{file}", file.toString());

        Outcome outcome = measure(setting);
        System.out.print("stderr: " + outcome.stderr);

        assertThat(outcome.exit).as(outcome.stderr).isEqualTo(2);
        assertThat(outcome.stderr.strip().lines()).as(outcome.stderr).singleElement().asString()
                .startsWith("[rearm] bad setting: ").doesNotContain("Exception").doesNotContain("\tat ");
        expected.forEach(words -> assertThat(outcome.stderr).contains(words.replace("{file}", file.toString())));
        assertThat(outcome.stdout).as("the probe never ran").doesNotContain(">>> probe");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no staging folder")
                    .noneMatch(name -> name.startsWith("."));
        }
    }

    @Test
    void fixedAndTimeSizedRoundsTogetherGetExitTwoAndOneLineBeforeAnythingRuns() {
        Outcome outcome = measure("--native-iterations=2000", "--native-round-ms=100");

        assertThat(outcome.exit).as(outcome.stderr).isEqualTo(2);
        assertThat(outcome.stderr.strip().lines()).singleElement().asString().isEqualTo("[rearm] bad setting: "
                + "bench.native.iterations='2000' and bench.native.roundMs='100' are both set: a round is sized by a fixed "
                + "op count or by time, not both; valid: one of them, the other empty (e.g. -Dbench.native.iterations=2000 "
                + "-Dbench.native.roundMs= -Dbench.native.minOps= for fixed rounds)");
        assertThat(outcome.stdout).doesNotContain(">>> probe");
    }

    @Test
    void theReportStepWithoutAMeasuredRunSaysWhereTheMeasureStepRuns() {
        StringWriter err = new StringWriter();
        int exit = BenchPipeline.commandLine().setErr(new PrintWriter(err, true)).execute("report",
                "--handoff=" + dir.resolve("missing.properties"), "--analysis-jar=" + dir.resolve("analysis.jar"),
                "--project-dir=" + dir);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip().lines()).singleElement().asString()
                .startsWith("[rearm] FAILED: no measured run to report").contains("integration-test phase");
    }

    private record Outcome(int exit, String stdout, String stderr) {
    }

    private Outcome measure(String... overrides) {
        List<String> args = new ArrayList<>(List.of("measure", "--out=" + dir.resolve("latest"), "--profile=test",
                "--project-dir=" + dir, "--handoff=" + dir.resolve("handoff.properties"), "--native-jar=unused",
                "--benchmarks-jar=unused", "--include=Headline", "--harness=" + MeasureChild.NATIVE_BUILD.resolve("perfbp-bench"),
                "--native-commands=moves", "--native-matrices=headline"));
        for (String override : overrides) {
            String option = override.substring(0, override.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(option));
            args.add(override);
        }
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = BenchPipeline.commandLine().setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new));
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(originalOut);
        }
    }
}
