package dev.rearm.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rearm.analysis.Analysis;
import dev.rearm.analysis.Analyzer;
import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.ProfilerNativeJson;
import dev.rearm.analysis.chart.ChartSet;
import dev.rearm.analysis.chart.ReportCharts;
import dev.rearm.analysis.format.Fmt;
import dev.rearm.analysis.load.RunLoader;
import dev.rearm.analysis.report.doc.Document;
import dev.rearm.analysis.stats.HierarchicalBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path tmp;

    @Test
    void markdownOpensWithTheClaimTableAndLinksEveryChart() throws Exception {
        Path out = write(Fixtures.copyAll(tmp, "run"), tmp.resolve("out"));
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown).contains("## Claim check")
                .contains("| Claim | Harness | Measured speedup [95% CI] | Verdict | Why |")
                .contains("| ~10x when the watchpoint never traps | native |")
                .contains("| ~4x when the watchpoint always traps | jmh |")
                .contains("![Headline speedup: reopen / modify](charts/headline.png)")
                .contains("## Environment").contains("## How this run was made").contains("## What could not run, and why")
                .contains(Fmt.WITHIN_PROCESS_MARK + " one whose rounds come from one process");
        assertThat(markdown.indexOf("## Claim check")).isLessThan(markdown.indexOf("## Environment"));
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertThat(charts.filter(p -> p.toString().endsWith(".png")))
                    .allSatisfy(png -> assertThat(markdown).contains("(charts/" + png.getFileName() + ")"));
        }
    }

    @Test
    void claimRowsFromTwoForksSayTooFewToJudgeInTheReport() throws Exception {
        // The fixture's jmh.json has 2 forks per benchmark.
        Path out = write(Fixtures.copyAll(tmp, "run"), tmp.resolve("out"));
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown).contains("**too few forks/rounds to judge**").contains(ClaimConsole.TOO_FEW_TO_JUDGE);
    }

    @Test
    void theBindingOfJmhsCallsIsInTheRunTable() throws Exception {
        Path run = Fixtures.copyAll(tmp, "run");
        Fixtures.addToRunJson(run, "\"jmh\": {\"binding\": \"jna\"}");
        String markdown = Files.readString(write(run, tmp.resolve("out")).resolve("report.md"));
        assertThat(markdown).contains("| Binding of JMH's perf calls | **jna** (JNA's dispatch adds ~250 ns");
    }

    @Test
    void theCostModelSaysWhichSourceItsPartsComeFromAndThatTheClaimCheckUsesAnother() throws Exception {
        String markdown = Files.readString(write(Fixtures.copyAll(tmp, "run"), tmp.resolve("out")).resolve("report.md"));
        assertThat(markdown).contains("The parts come from TrapRateBenchmark (the trap-rate sweep")
                .contains("The claim check's figures come from HeadlineBenchmark");
    }

    @Test
    void htmlIsSelfContained() throws Exception {
        Path out = write(Fixtures.copyAll(tmp, "run"), tmp.resolve("out"));
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<style>").contains("<h2>Claim check</h2>").contains("<table>")
                .contains("src=\"data:image/png;base64,")
                .doesNotContain("src=\"charts/").doesNotContain("src=\"http").doesNotContain("href=\"http")
                .doesNotContain("<link");
    }

    @Test
    void writingIntoTheRunFolderLeavesTheInputsUntouchedAndNoTemporaryFiles() throws Exception {
        Path run = Fixtures.copyAll(tmp, "run");
        Map<String, String> before = digests(run);
        write(run, run);
        write(run, run);
        assertThat(digests(run)).isEqualTo(before);
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("env.json", "native.json", "jmh.json", "run.json", "report.md",
                            "report.html", "charts");
        }
    }

    @Test
    void aRunWithMissingScenariosStillRendersWithNotMeasuredRows() throws Exception {
        Path run = Fixtures.copy(tmp, "run", "env.json");
        Files.writeString(run.resolve("native.json"), """
                {"harness": "native", "results": [
                  {"strategy": "reopen", "trapEvery": 0, "nsPerOp": [19000, 19100, 18900, 19050]},
                  {"strategy": "modify", "trapEvery": 0, "nsPerOp": [2000, 2010, 1990, 2005]}]}
                """);
        Path out = write(run, tmp.resolve("out"));
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown).contains("| ~4x when the watchpoint always traps | native | — | **not measured** |")
                .contains("| ~10x when the watchpoint never traps | jmh | — | **not measured** | jmh.json is not in the run folder. |")
                .contains("Chart *Speedup vs trap rate, with the cost model*: not drawn")
                .contains("no harness has both trapEvery=0 and trapEvery=1");
        assertThat(out.resolve("charts/headline.png")).exists();
    }

    @Test
    void aRunOnAKernelThatRefusedEverythingStillRendersAndSaysWhy() throws Exception {
        Path run = Fixtures.copy(tmp, "refused", "env.json");
        Files.writeString(run.resolve("run.json"), """
                {"profile": "smoke", "notRun": [
                  {"what": "native harness, every scenario", "why": "no watchpoint can be armed here: perf_event_open failed with EPERM"},
                  {"what": "JMH HeadlineBenchmark.move", "why": "no watchpoint can be armed here: perf_event_open failed with EPERM"}]}
                """);

        String markdown = Files.readString(write(run, tmp.resolve("out")).resolve("report.md"));

        assertThat(markdown).contains("## Claim check", "## What could not run, and why")
                .contains("**run** `native harness, every scenario`: no watchpoint can be armed here: perf_event_open "
                        + "failed with EPERM")
                .contains("**run** `JMH HeadlineBenchmark.move`: no watchpoint");
    }

    @Test
    void scenariosTheHarnessDidNotRunAreListedWithTheirReason() throws Exception {
        Path run = Fixtures.copy(tmp, "nobody", "env.json");
        Files.writeString(run.resolve("native.json"), """
                {"harness": "native", "results": [
                  {"strategy": "reopen", "trapEvery": 0, "notify": "signal", "pages": 1, "bpType": "RW", "bpLen": 1,
                   "threads": 1, "slots": 1, "status": "ok", "nsPerOp": [19000, 19100, 18900]},
                  {"strategy": "modify", "trapEvery": 0, "notify": "signal", "pages": 1, "bpType": "RW", "bpLen": 1,
                   "threads": 1, "slots": 1, "status": "ok", "nsPerOp": [2000, 2010, 1990]},
                  {"strategy": "reopen", "trapEvery": 0, "notify": "signal", "pages": 512, "bpType": "RW", "bpLen": 1,
                   "threads": 1, "slots": 1, "status": "not run", "reason": "needs 2052 KiB locked, limit is 1096 KiB"}]}
                """);

        String markdown = Files.readString(write(run, tmp.resolve("out")).resolve("report.md"));

        assertThat(markdown).containsPattern("\\*\\*native\\*\\* `strategy=reopen [^`]*pages=512[^`]*`: not run: needs 2052 KiB "
                + "locked, limit is 1096 KiB");
    }

    @Test
    void profilerSectionGivesSlowdownsRatiosAndTheMissingPmu() throws Exception {
        Path run = Fixtures.copy(tmp, "run", "env.json");
        Files.copy(Fixtures.run("profiler-handmade").resolve("native.json"), run.resolve("native.json"));
        Path out = write(run, tmp.resolve("out"));
        String markdown = Files.readString(out.resolve("report.md"));

        assertThat(markdown).contains("## Profiler overhead")
                .contains("**This machine has no hardware PMU**", "Intel PEBS, AMD IBS")
                .contains("| Workload | Rate (/s CPU) | Strategy | Samples / round | Armed / round | Traps / round | "
                        + "Slowdown, CPU [95% CI] | Slowdown, wall [95% CI] |")
                .contains("| hash | 5000 | reopen | 500 | 500 | 500 | 1.80x [1.80, 1.80] † | 1.80x [1.80, 1.80] † |")
                .contains("| hash | 1000 | 2.50x [2.50, 2.50] † | 4.00x [4.00, 4.00] † |")
                .contains("### Where reopen's extra time goes")
                .contains("![Profiler overhead vs sampling rate](charts/profiler-overhead.png)");
        assertThat(out.resolve("charts/profiler-overhead.png")).exists();
        assertThat(out.resolve("charts/profiler-overhead.svg")).exists();
        assertThat(markdown.indexOf("## Profiler overhead")).isLessThan(markdown.indexOf("## What could not run"));
    }

    /** The fixture's moves (phases, cost model) with the hand-made profiler entries, optionally with the new parts. */
    private Path movesWithProfiler(String name, boolean parts) {
        Path run = Fixtures.copyAll(tmp, name);
        ObjectNode profiler = ProfilerNativeJson.handmade();
        if (parts) {
            profiler.withObject("/profiler").putObject("signalReference").putArray("cpuNsPerSignal").add(3000).add(3000);
            for (JsonNode entry : profiler.get("results")) {
                // 1 ms of probe after every round; 300 us more after a reopen round
                double ns = entry.path("strategy").asText().equals("reopen") ? 1.3e6 : 1e6;
                ((ObjectNode) entry).putObject("afterRound").putArray("cpuNs").add(ns).add(ns).add(ns).add(ns);
            }
        }
        ProfilerNativeJson.appendTo(run, profiler);
        return run;
    }

    @Test
    void thePredictionNamesEachRunsRemainderAndEveryPartTheFileLacksAsNotMeasured() throws Exception {
        String old = Files.readString(write(movesWithProfiler("old", false), tmp.resolve("old-out")).resolve("report.md"));
        String now = Files.readString(write(movesWithProfiler("new", true), tmp.resolve("new-out")).resolve("report.md"));

        assertThat(old).contains("| Workload | Tool | Measured overhead / round [95% CI] | Move loop's parts (error) | "
                        + "\\+ handler work | \\+ system calls in the tool | \\+ cache after the round | All parts | Error | "
                        + "Remainder not explained [95% CI] | Largest part |")
                .contains("| not measured |", "Not in this prediction: cache and TLB state after the round (not measured")
                .contains("A signal's delivery to a handler: not measured");
        assertThat(now).contains("| 300 µs |", "the profiler's own reference (profiler.signalReference)")
                .doesNotContain("Not in this prediction");
        String row = now.lines().filter(l -> l.startsWith("| hash | reopen@5000 |")).findFirst().orElseThrow();
        assertThat(row).contains("| 300 µs |").containsPattern("\\| [0-9.]+ ms \\[[0-9.]+ ms, [0-9.]+ ms\\] \\| traps \\|$");
    }

    @Test
    void aRunWithoutProfilerEntriesSaysTheProfilerWasNotMeasured() throws Exception {
        Path out = write(Fixtures.copyAll(tmp, "run"), tmp.resolve("out"));
        String markdown = Files.readString(out.resolve("report.md"));

        assertThat(markdown).contains("## Profiler overhead\n\n*Not measured:*")
                .contains("Chart *Profiler overhead vs sampling rate*: not drawn");
    }

    /** A run with trap-anatomy's block: its section, its chart, and the ~4x claim citing it. */
    @Test
    void theTrapAnatomyExplainsTheTrapAndTheAlwaysTrappingClaimCitesIt() throws Exception {
        Path run = Fixtures.copyAll(tmp, "run");
        Path nativeJson = run.resolve("native.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(nativeJson.toFile());
        root.set("anatomy", json.readTree("""
                {"rounds": 3, "parts": [
                 %s, %s, %s, %s,
                 {"part": "sigtrap", "kind": "watchpoint", "status": "not run", "reason": "perf_event_open refused"},
                 %s, %s]}""".formatted(part("count", "watchpoint", 9000), part("ring", "watchpoint", 9500),
                part("ring-wakeup", "watchpoint", 18400), part("ring-signal", "watchpoint", 24000),
                part("int3", "reference", 2400), part("single-step", "reference", 10700))));
        json.writeValue(nativeJson.toFile(), root);

        Path out = write(run, tmp.resolve("out"));
        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown).contains("## What a trap costs here, and why", "## What ~4x needs",
                "| `single-step` | reference | 10.7 µs [", "not run: perf_event_open refused",
                "In one sentence: a #DB costs 8.3 µs [", "(rounds of one process: whether this is a sign that the "
                        + "hypervisor intercepts debug exceptions needs several processes)",
                "![What one trap costs here, piece by piece](charts/trap-anatomy.png)",
                "What-if, computed from measured parts and not a measurement");
        assertThat(markdown).containsPattern("\\| ~4x when the watchpoint always traps \\| native \\|.*Why a trap costs "
                + "this here \\(trap anatomy\\): a #DB costs 8\\.3 µs");
        assertThat(out.resolve("charts/trap-anatomy.png")).isRegularFile();
    }

    /** Three rounds, each trapping loop {@code perTrapNs} (±100) above its plain twin's 5 ns. */
    @Test
    void theReportSplitsTheClaimsVariationBetweenProcessesAndRoundsForANativeFileOfSeveralProcesses() throws Exception {
        Path run = Fixtures.copyAll(tmp, "run");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(run.resolve("native.json").toFile());
        ArrayNode forked = json.createArrayNode();
        for (int fork = 0; fork < 3; fork++) {
            for (JsonNode result : root.path("results")) {
                if (!result.has("workload")) {
                    ObjectNode copy = ((ObjectNode) result).deepCopy().put("fork", fork);
                    ArrayNode rounds = copy.putArray("nsPerOp");
                    for (JsonNode round : result.path("nsPerOp")) {
                        rounds.add(round.asDouble() * (1 + fork / 20.0));
                    }
                    forked.add(copy);
                }
            }
        }
        root.set("results", forked);
        root.put("forks", 3);
        json.writeValue(run.resolve("native.json").toFile(), root);

        String markdown = Files.readString(write(run, tmp.resolve("out")).resolve("report.md"));

        assertThat(markdown).contains("## " + ProcessVariationSection.TITLE)
                .containsPattern("\\| trapEvery=0 \\| native \\| reopen \\| 3 x \\d+ \\| \\d+\\.\\d\\d% \\|")
                .doesNotContain("| trapEvery=0 | native | reopen | 1 x");
        assertThat(markdown.indexOf("## " + ProcessVariationSection.TITLE))
                .isGreaterThan(markdown.indexOf("## Claim check")).isLessThan(markdown.indexOf("## Environment"));
    }

    @Test
    void aNativeFileOfOneProcessShowsItsRoundsAsTheOnlyVariationItSampled() throws Exception {
        String markdown = Files.readString(write(Fixtures.copyAll(tmp, "run"), tmp.resolve("out")).resolve("report.md"));

        assertThat(markdown).containsPattern("\\| trapEvery=0 \\| native \\| reopen \\| 1 x \\d+ \\| "
                        + java.util.regex.Pattern.quote(ProcessVariationSection.ONE_PROCESS))
                .containsPattern("\\| trapEvery=0 \\| jmh \\| reopen \\| 2 x 3 \\| \\d+\\.\\d\\d% \\|");
    }

    @Test
    void theReportSaysHowManySweepFiguresComeFromFewerThanThreeProcessesAndGetNoVerdict() throws Exception {
        // The fixture's sweeps: 2 JMH forks, native rounds of one process.
        String markdown = Files.readString(write(Fixtures.copyAll(tmp, "run"), tmp.resolve("out")).resolve("report.md"));

        assertThat(markdown).containsPattern("[1-9]\\d* figures outside the claims' benchmark and matrix \\(the "
                + "sweeps\\) come from fewer than 3 processes .*get no verdict\\.");
    }

    private static String part(String name, String kind, double perTrapNs) {
        return """
                {"part": "%s", "kind": "%s", "status": "ok", "trapNsPerOp": [%s, %s, %s],
                 "plainNsPerOp": [5, 5, 5], "traps": {"expected": 600, "observed": 600}}""".formatted(name, kind,
                perTrapNs - 95, perTrapNs + 5, perTrapNs + 105);
    }

    private static Path write(Path run, Path out) throws Exception {
        Analysis analysis = new Analyzer(new HierarchicalBootstrap(1, 1_000)).analyze(RunLoader.load(run), Optional.empty());
        ChartSet charts = ReportCharts.build(analysis);
        Document document = ReportComposer.compose(analysis, charts, Instant.parse("2026-01-01T00:00:00Z"));
        ReportWriter.write(out, document, charts);
        return out;
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String name : new String[] {"env.json", "native.json", "jmh.json", "run.json"}) {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve(name)));
            digests.put(name, HexFormat.of().formatHex(hash));
        }
        return digests;
    }
}
