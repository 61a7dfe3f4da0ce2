package dev.rearm.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalysisCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void writesTheReportAndPrintsTheClaimCheck() {
        Path report = tmp.resolve("report");
        int code = run("--in", Fixtures.run().toString(), "--out", report.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("Claim check").contains("~10x when the watchpoint never traps")
                .contains("native").contains("jmh").contains("Report: " + report.resolve("report.md"));
        assertThat(err.toString()).isEmpty();
        assertThat(report.resolve("report.md")).exists();
        assertThat(report.resolve("report.html")).exists();
        assertThat(report.resolve("charts/headline.svg")).exists();
    }

    @Test
    void aBaselineAddsTheRatioOfRatios() throws Exception {
        Path report = tmp.resolve("report");
        int code = run("--in", Fixtures.run().toString(), "--baseline", Fixtures.run().toString(), "--out",
                report.toString());
        assertThat(code).isZero();
        assertThat(Files.readString(report.resolve("report.md"))).contains("## Against the baseline run")
                .contains("| native | native | headline | 9.");
    }

    @Test
    void helpPrintsEveryOptionsTextWithoutAFormattingWarning() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocliWarnings, true));
        try {
            assertThat(run("--help")).isZero();
        } finally {
            System.setErr(stderr);
        }
        assertThat(picocliWarnings.toString()).doesNotContain("WARN");
        assertThat(out.toString()).contains("--equivalence-margin").contains("95% CI");
    }

    @Test
    void aMissingRunFolderExitsTwoWithOneLine() {
        Path missing = tmp.resolve("nothing-here");
        assertThat(run("--in", missing.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("analysis: " + missing + ": no such run folder; expected a folder holding "
                + "env.json, native.json and/or jmh.json (e.g. results/latest after 'mvn verify')" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBrokenFileExitsTwoNamingIt() throws Exception {
        Path run = Fixtures.copy(tmp, "run", "native.json");
        Files.writeString(run.resolve("jmh.json"), "[{\"benchmark\": \"x.Y.z\", \"primaryMetric\": {\"scoreUnit\"");
        assertThat(run("--in", run.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("analysis: " + run.resolve("jmh.json") + ": truncated JSON")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aMissingOptionExitsTwoWithOneLine() {
        assertThat(run("--in", Fixtures.run().toString())).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement()
                .satisfies(line -> assertThat(line).contains("Missing required option").contains("--out"));
    }

    @Test
    void tooFewResamplesAreRefused() {
        assertThat(run("--in", Fixtures.run().toString(), "--out", tmp.resolve("o").toString(), "--resamples", "500"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--resamples 500: use at least 10000");
    }

    @Test
    void anOutputPathThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        assertThat(run("--in", Fixtures.run().toString(), "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--out " + file + ": is a file");
    }

    @Test
    void aRunWithoutJmhSaysSoOnStderrAndStillReports() {
        Path run = Fixtures.copy(tmp, "run", "env.json", "native.json");
        assertThat(run("--in", run.toString(), "--out", tmp.resolve("o").toString())).isZero();
        assertThat(err.toString()).contains("jmh.json is missing: its rows are reported as not measured");
        assertThat(out.toString()).contains("not measured");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "--bogus | Unknown option: '--bogus'",
        "--resamples=abc | Invalid value for option '--resamples': 'abc' is not an int",
        "--seed=x | Invalid value for option '--seed': 'x' is not a long",
        "--in | Missing required parameter for option '--in' (RUN_DIR)",
    })
    void anOptionPicocliRefusesIsOneLineWithTheValidOptions(String argument, String expected) {
        String[] args = argument.equals("--in") ? new String[] {"--out", tmp.resolve("o").toString(), argument}
                : new String[] {"--in", Fixtures.run().toString(), "--out", tmp.resolve("o").toString(), argument};
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("analysis: ").contains(expected)
                .contains("valid: --in RUN_DIR, --baseline OTHER_RUN_DIR, --out DIR, --seed N, --resamples N");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBaselineThatIsNoRunFolderIsNamed() {
        Path missing = tmp.resolve("no-baseline");
        assertThat(run("--in", Fixtures.run().toString(), "--baseline", missing.toString(), "--out",
                tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("analysis: " + missing + ": no such run folder");
    }

    @Test
    void aFileInPlaceOfTheRunFolderIsRefused() {
        Path file = Fixtures.run().resolve("native.json");
        assertThat(run("--in", file.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("analysis: " + file + ": no such run folder");
    }

    @Test
    void aNaNInNativeJsonExitsTwoNamingFileScenarioAndField() throws Exception {
        Path run = Fixtures.copy(tmp, "run", "env.json");
        Files.writeString(run.resolve("native.json"), """
                {"harness": "native", "results": [
                  {"strategy": "reopen", "trapEvery": 0, "nsPerOp": [19000, 19100, 18900],
                   "phasesNs": {"munmap": 3500, "open": NaN}}]}
                """);
        assertThat(run("--in", run.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("analysis: " + run.resolve("native.json") + " results[0] (strategy=reopen "
                + "trapEvery=0), field phasesNs.open: NaN is not a number JSON allows; expected a finite number"
                + System.lineSeparator());
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void aNegativePhaseTimeExitsTwoNamingFileScenarioAndField() throws Exception {
        Path run = Fixtures.copy(tmp, "run", "env.json");
        Files.writeString(run.resolve("native.json"), """
                {"harness": "native", "results": [
                  {"strategy": "modify", "trapEvery": 1, "nsPerOp": [2000, 2010]},
                  {"strategy": "reopen", "trapEvery": 1, "nsPerOp": [19000, 19100],
                   "phasesNs": {"munmap": -3500}}]}
                """);
        assertThat(run("--in", run.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("analysis: " + run.resolve("native.json") + " results[1] (strategy=reopen "
                + "trapEvery=1), field phasesNs.munmap: -3500 is negative; expected a time, count or duration >= 0");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void anUnknownJmhParamExitsTwoNamingFileBenchmarkAndParam() throws Exception {
        // A SampleTime entry with an extra param crashed with a stack trace before; an avgt one gave a wrong report.
        Path run = Fixtures.copy(tmp, "run", "native.json");
        Files.writeString(run.resolve("jmh.json"), """
                [{"benchmark": "dev.rearm.jmh.LatencyBenchmark.move", "mode": "sample",
                  "params": {"strategy": "reopen", "trapEvery": "0", "ringSize": "4"},
                  "primaryMetric": {"scoreUnit": "us/op", "rawDataHistogram": [[[[20.0, 3]]]]}}]
                """);
        assertThat(run("--in", run.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("analysis: " + run.resolve("jmh.json")
                        + " entry 0 (dev.rearm.jmh.LatencyBenchmark.move): unknown @Param 'ringSize'; valid: strategy, "
                        + "trapEvery, notify, pages, bpType, bpLen, threads, slots")
                .doesNotContain("Exception");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void envJsonAndTheNativeEnvBlockNamingDifferentMachinesWarnOnTheConsoleAndAtTheTopOfTheReport() throws Exception {
        Path run = Fixtures.copyAll(tmp, "run");
        Path nativeJson = run.resolve("native.json");
        Files.writeString(nativeJson, Files.readString(nativeJson).replace("\"cpu\": \"AMD EPYC\"", "\"cpu\": \"Intel Xeon\"")
                .replace("\"kernel\": \"6.18.44-fc-v669\"", "\"kernel\": \"5.15.0\""));
        assertThat(run("--in", run.toString(), "--out", tmp.resolve("o").toString())).isEqualTo(0);
        assertThat(out.toString()).startsWith("Warning: env.json and native.json's env block name different CPUs "
                + "('AMD EPYC' against 'Intel Xeon')");
        assertThat(out.toString()).contains("different kernels ('6.18.44-fc-v669' against '5.15.0')");
        String report = Files.readString(tmp.resolve("o/report.md"));
        assertThat(report.indexOf("**Warning:** env.json and native.json's env block name different CPUs"))
                .isPositive().isLessThan(report.indexOf("## Claim check"));
    }

    @Test
    void analysingTheSameRunFolderTwiceGivesTheSameReportButTheGeneratedLine() throws Exception {
        Path run = Fixtures.copyAll(tmp, "run");
        // As the pipeline does: measuredAt before the analysis, finishedAt written after it.
        Path runJson = run.resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replaceFirst("\\{", "{\"measuredAt\": \"2026-11-26T04:21:30Z\", ")
                .replace("\"finishedAt\": \"2026-11-26T04:22:00Z\",", ""));
        assertThat(run("--in", run.toString(), "--out", tmp.resolve("first").toString())).isEqualTo(0);
        Fixtures.addToRunJson(run, "\"finishedAt\": \"2026-11-26T04:25:00Z\"");
        assertThat(run("--in", run.toString(), "--out", tmp.resolve("second").toString())).isEqualTo(0);
        String first = withoutGeneratedLine(Files.readString(tmp.resolve("first/report.md")));
        String second = withoutGeneratedLine(Files.readString(tmp.resolve("second/report.md")));
        assertThat(second).isEqualTo(first).contains("| Measurements finished | 2026-11-26T04:21:30Z |");
    }

    @Test
    void comparingRunsOfDifferentProfilesSaysSoAndStatesTheMargin() throws Exception {
        Path run = Fixtures.copyAll(tmp, "run");
        Path baseline = Fixtures.copyAll(tmp, "baseline");
        Path runJson = baseline.resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replace("\"profile\": \"fixture\"", "\"profile\": \"full\""));
        assertThat(run("--in", run.toString(), "--baseline", baseline.toString(), "--equivalence-margin", "3",
                "--out", tmp.resolve("o").toString())).isEqualTo(0);
        String report = Files.readString(tmp.resolve("o/report.md"));
        assertThat(report).contains("**The runs used different profiles** (this run `fixture`, the baseline `full`)")
                .contains("**The two runs differ in 1 recorded fact** (any of them can move a figure by itself): "
                        + "profile (run.json): 'fixture' here, 'full' in the baseline.")
                .contains("within run-to-run variation (±3% on this host)")
                .contains("| Ratio of ratios [95% CI] | Change |");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0", "100", "-5"})
    void anEquivalenceMarginOutsideZeroToAHundredPercentIsRefused(String margin) {
        Path run = Fixtures.copyAll(tmp, "run");
        assertThat(run("--in", run.toString(), "--equivalence-margin", margin, "--out", tmp.resolve("o").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("analysis: --equivalence-margin " + Double.parseDouble(margin)
                + ": use a percentage above 0 and below 100");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    private static String withoutGeneratedLine(String report) {
        return report.lines().filter(line -> !line.contains(" · generated ")).collect(java.util.stream.Collectors.joining("\n"));
    }

    private int run(String... args) {
        return AnalysisCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
