package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rearm.perf.testsupport.KernelSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The subcommand split (issue 10) and each command owning its options and output (issue 19)
 * changed where the code lives, not what native.json holds: for every move matrix and the
 * profiler, the file's key paths and its scenario list equal those main's flat harness wrote (recorded once, see
 * before-subcommands/README.md). The one allowed difference is the profiler's prose, moved to
 * {@code perfbp-bench profiler --help}: {@link #PROSE_MOVED_TO_HELP}; keys added since are in
 * {@link #ADDED_SINCE}. The recording's own spelling, without a command, is refused now in one
 * line naming the command to use.
 *
 * <p>Key paths do not depend on the machine, so they are compared wherever the harness runs (it
 * needs a trap: tagged "traps"). Scenario lists of the shape, threads, slots and all matrices expand
 * by what the machine has; they are compared with the recording only on a machine with the same
 * CPUs, debug registers and accepted shapes, and elsewhere with the list the dry run announces here.
 */
@Tag(KernelSupport.TRAPS_TAG)
class SubcommandOutputUnchangedTest {
    private static final String GOLDEN = "before-subcommands/";
    private static final List<String> SCENARIO_KEYS = List.of("matrix", "strategy", "workload", "rate", "trapEvery",
            "notify", "pages", "bpType", "bpLen", "threads", "slots");
    private static final List<String> MOVE_MATRICES = List.of("headline", "pages", "trap-rate", "shape", "threads",
            "slots", "notify", "all");
    private static final List<String> TINY_MOVES = List.of("--trapEvery", "0", "--rounds", "1", "--warmup", "0",
            "--iterations", "10");
    private static final List<String> TINY_PROFILER = List.of("--workload", "hash,stream,chase", "--rate", "1000",
            "--work", "10", "--rounds", "1", "--warmup", "0");

    /** Key paths of the profiler block that were paragraphs of prose; their text is in profiler --help now. */
    static final Set<String> PROSE_MOVED_TO_HELP = Set.of("profiler/what", "profiler/hardwarePmu/onBareMetal",
            "profiler/sampler", "profiler/watchpoints", "profiler/slotPolicy", "profiler/signalSafety",
            "profiler/strategies", "profiler/strategies/none", "profiler/strategies/sampler",
            "profiler/strategies/reopen", "profiler/strategies/modify", "profiler/workloads",
            "profiler/workloads/hash", "profiler/workloads/stream", "profiler/workloads/chase", "profiler/timer",
            "profiler/handlerTiming", "profiler/premise");

    /**
     * Keys added since the recording (keys may be added, never renamed): the probe's trap check,
     * liveness, notify=sigtrap's probe and tag check, and how rounds are sized (these runs fix
     * --iterations, so roundMs and minOps stay out).
     */
    static final Set<String> ADDED_SINCE = Set.of("env/watchpointTraps", "env/watchpointTraps/supported",
            "env/watchpointTraps/reason", "results[]/liveness", "results[]/liveness/checks",
            "results[]/liveness/trapsAtCurrent", "results[]/liveness/trapsAtPrevious", "env/sigtrap",
            "env/sigtrap/supported", "env/sigtrap/reason", "env/sigDataModify", "env/sigDataModify/supported",
            "env/sigDataModify/reason", "results[]/traps/tagMismatches", "results[]/reason",
            "settings/roundSizing", "results[]/opsPerRound",
            // The modify tool's IOC_DISABLE after each handled trap: a real ioctl such a tool pays,
            // so it belongs beside its other phases. A phase is written once it was called, and on
            // the recording's machine no watchpoint fired, so no trap was ever handled there.
            "results[]/counts/phases/disable", "results[]/counts/phases/disable/calls",
            "results[]/counts/phases/disable/totalNs",
            // The prediction's measured parts: a signal's delivery to a handler, and the no-tool
            // probe after each round (the cache and TLB state a tool round left).
            "profiler/signalReference", "profiler/signalReference/signalsPerRound",
            "profiler/signalReference/cpuNsPerSignal", "results[]/afterRound", "results[]/afterRound/accesses",
            "results[]/afterRound/cpuNs");

    /** Matrices whose scenario lists expand by the machine's CPUs, debug registers and accepted shapes. */
    static final Set<String> MACHINE_DEPENDENT = Set.of("shape", "threads", "slots", "all");

    /** A notification added to the notify matrix (and so to all) since the recording: its scenarios are new. */
    static final String NOTIFY_ADDED_SINCE = "notify=sigtrap";

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (String matrix : MOVE_MATRICES) {
            runs.add(Arguments.of(matrix, concat(List.of("moves", "--matrix", matrix), TINY_MOVES)));
        }
        runs.add(Arguments.of("profiler", concat(List.of("profiler"), TINY_PROFILER)));
        return runs.stream();
    }

    /** The command lines the recording ran (before-subcommands/README.md), without a command. */
    static Stream<Arguments> recordedSpellings() {
        List<Arguments> runs = new ArrayList<>();
        for (String matrix : MOVE_MATRICES) {
            runs.add(Arguments.of("moves", concat(List.of("--matrix", matrix), TINY_MOVES)));
        }
        runs.add(Arguments.of("profiler", concat(List.of("--matrix", "profiler"), TINY_PROFILER)));
        return runs.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("recordedSpellings")
    void theRecordingsSpellingWithoutACommandIsRefusedInOneLineNamingTheCommand(String command, List<String> args,
            @TempDir Path dir) {
        HarnessRun run = Harness.run(concat(args, List.of("--out", dir.resolve("native.json").toString())));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderrLines()).singleElement().asString().startsWith("perfbp-bench: --matrix: ")
                .contains("no command", "valid: perfbp-bench " + command + " ");
        assertThat(run.stdout()).isEmpty();
        assertThat(dir.resolve("native.json")).doesNotExist();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("runs")
    void nativeJsonKeepsMainsKeyPathsAndScenarioListExceptTheProfilerProseMovedToHelp(String golden, List<String> args,
            @TempDir Path dir) {
        Harness.assumeTraps(); // every move proves its watchpoint live by a trap
        Path out = dir.resolve("native.json");
        HarnessRun run = Harness.run(concat(args, List.of("--out", out.toString())));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode doc = Harness.read(out);

        Set<String> expectedKeys = new TreeSet<>(lines(golden + ".keys"));
        expectedKeys.removeAll(PROSE_MOVED_TO_HELP);
        Set<String> keys = keyPaths(doc);
        keys.removeAll(ADDED_SINCE);
        assertThat(keys).as("key paths of %s", args).containsExactlyElementsOf(expectedKeys);

        List<String> scenarios = withoutNotifyAddedSince(scenarios(doc));
        if (!MACHINE_DEPENDENT.contains(golden) || sameMachineAsTheRecording()) {
            assertThat(scenarios).as("scenarios of %s", args).containsExactlyElementsOf(lines(golden + ".scenarios"));
        } else {
            List<String> announced = Harness.dryRunScenarios(concat(args, List.of("--dry-run"))).stream()
                    .map(line -> "strategy=" + line).toList();
            assertThat(scenarios).as("scenarios of %s against its dry run on this machine", args)
                    .containsExactlyElementsOf(withoutNotifyAddedSince(announced));
        }
    }

    private static List<String> withoutNotifyAddedSince(List<String> scenarios) {
        return scenarios.stream().filter(line -> !line.contains(NOTIFY_ADDED_SINCE)).toList();
    }

    /** The dry run's facts that decide how matrices expand (CPUs, debug registers, modify, shapes), not the CPU's name. */
    private static boolean sameMachineAsTheRecording() {
        HarnessRun dry = Harness.run("moves", "--matrix", "headline", "--dry-run");
        assertThat(dry.exitCode()).as(dry.stderr()).isZero();
        List<String> here = dry.stdout().lines().skip(1).limit(2).map(SubcommandOutputUnchangedTest::expansionFacts)
                .toList();
        List<String> recorded = lines("machine.txt").stream().map(SubcommandOutputUnchangedTest::expansionFacts).toList();
        return here.equals(recorded);
    }

    static String expansionFacts(String dryRunLine) {
        return dryRunLine.replaceFirst("^machine: .*?(\\d+ CPUs?, )", "machine: $1");
    }

    /** Objects' keys joined by '/', array elements as "[]", as the recording script wrote them. */
    static Set<String> keyPaths(JsonNode doc) {
        Set<String> paths = new TreeSet<>();
        collect(doc, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "/" + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", paths);
            }
        }
    }

    private static List<String> scenarios(JsonNode doc) {
        List<String> scenarios = new ArrayList<>();
        for (JsonNode result : doc.path("results")) {
            List<String> keys = new ArrayList<>();
            for (String key : SCENARIO_KEYS) {
                if (result.has(key)) {
                    keys.add(key + "=" + result.get(key).asText());
                }
            }
            scenarios.add(String.join(" ", keys));
        }
        return scenarios;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = SubcommandOutputUnchangedTest.class.getResourceAsStream(GOLDEN + resource)) {
            assertThat(in).as("golden file %s%s", GOLDEN, resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
