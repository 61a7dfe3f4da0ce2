package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rearm.perf.probe.LockedMemory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uses the real META-INF/BenchmarkList the annotation processor wrote for this module. */
class JmhPlanTest {
    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.compiledIn();
    private static final EnvFacts X86 = EnvFacts.capable(2, 4,
            Map.of("X/1", "EINVAL", "X/2", "EINVAL", "X/4", "EINVAL", "R/1", "EINVAL"));

    @Test
    void theSuiteRunHoldsEveryBenchmarkThatNeedsNoMachineFacts() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings(""), X86);

        JmhRun suite = run(plan, "suite");
        assertThat(String.join(" ", suite.args()))
                .contains("RingPagesBenchmark", "TrapRateBenchmark", "LatencyBenchmark",
                        "BindingFloorBenchmark.gettid\\E", "BindingFloorBenchmark.getpagesize\\E")
                .doesNotContain("ShapeBenchmark", "ThreadsBenchmark", "SlotsBenchmark", "HeadlineBenchmark");
    }

    @Test
    void theBenchmarksTheClaimsReadRunTheirOwnForksFirstAndEverySweepRunsTheSweepForks() {
        JmhSettings threeAndOne = new JmhSettings(3, 1, 1, "100ms", 3, "200ms", "", List.of());

        JmhPlan plan = JmhPlan.of(CATALOG, threeAndOne, X86);

        JmhRun claims = plan.runs().get(0);
        assertThat(claims.label()).isEqualTo("claims");
        assertThat(claims.args()).containsSequence("-f", "3")
                .filteredOn(arg -> arg.startsWith("^")).singleElement().asString().contains("HeadlineBenchmark.move");
        assertThat(plan.runs().subList(1, plan.runs().size())).isNotEmpty()
                .allSatisfy(run -> assertThat(run.args()).containsSequence("-f", "1")
                        .noneMatch(arg -> arg.contains("HeadlineBenchmark")));
    }

    @Test
    void shapesRunOnlyWithTheLengthsThisCpuAccepts() {
        EnvFacts shortRw = EnvFacts.capable(2, 4, Map.of("RW/1", "EINVAL", "RW/2", "EINVAL"));

        JmhPlan plan = JmhPlan.of(CATALOG, settings(""), shortRw);

        assertThat(run(plan, "ShapeBenchmark bpType=RW").args()).containsSequence("-p", "bpType=RW", "-p", "bpLen=4,8");
        assertThat(run(plan, "ShapeBenchmark bpType=W").args()).containsSequence("-p", "bpType=W", "-p", "bpLen=1,2,4,8");
        assertThat(plan.leftOut()).contains("JMH ShapeBenchmark bpType=RW bpLen=1: this CPU refuses the shape (EINVAL)");
    }

    @Test
    void aTypeWithNoAcceptedLengthGetsNoRun() {
        // X refused too: main's ShapeBenchmark leaves X to the native harness, this one still declares it.
        EnvFacts noW = EnvFacts.capable(2, 4, Map.of("W/1", "EINVAL", "W/2", "EINVAL", "W/4", "EINVAL", "W/8", "EINVAL",
                "X/1", "EINVAL", "X/2", "EINVAL", "X/4", "EINVAL", "X/8", "EINVAL"));

        JmhPlan plan = JmhPlan.of(CATALOG, settings("Shape"), noW);

        assertThat(plan.runs()).extracting(JmhRun::label).containsExactly("ShapeBenchmark bpType=RW");
    }

    @Test
    void threadsRunOncePerCpuWithTheThreadParamEqualToJmhThreads() {
        EnvFacts threeCpus = EnvFacts.capable(3, 4, Map.of());

        JmhPlan plan = JmhPlan.of(CATALOG, settings("Threads"), threeCpus);

        assertThat(plan.runs()).hasSize(3);
        for (int n = 1; n <= 3; n++) {
            assertThat(plan.runs().get(n - 1).args()).containsSequence("-t", String.valueOf(n), "-p", "threads=" + n);
        }
    }

    @Test
    void slotsBeyondTheDebugRegistersAreLeftOutWithTheReason() {
        EnvFacts twoRegisters = EnvFacts.capable(2, 2, Map.of());

        JmhPlan plan = JmhPlan.of(CATALOG, settings("Slots"), twoRegisters);

        assertThat(plan.runs()).singleElement().satisfies(run -> assertThat(run.args()).containsSequence("-p", "slots=1,2"));
        assertThat(plan.leftOut()).containsExactly("JMH SlotsBenchmark slots=3: the probe found 2 debug registers",
                "JMH SlotsBenchmark slots=4: the probe found 2 debug registers");
    }

    @Test
    void includeNarrowsThePlanToTheMatchingBenchmarks() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline"), X86);

        assertThat(plan.runs()).singleElement().satisfies(run -> assertThat(run.args())
                .contains("^\\Qdev.rearm.jmh.benchmarks.HeadlineBenchmark.move\\E$")
                .noneMatch(arg -> arg.contains("TrapRate")));
    }

    @Test
    void anIncludeThatMatchesNothingIsRefusedWithTheBenchmarkNames() {
        assertThatThrownBy(() -> JmhPlan.of(CATALOG, settings("NoSuchBenchmark"), X86))
                .isInstanceOf(BadSettingException.class)
                .hasMessageContaining("matches no benchmark")
                .hasMessageContaining("HeadlineBenchmark.move");
    }

    @Test
    void everyRunCarriesTheProfileSettingsAndStopsAtTheFirstFailure() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings(""), X86);

        assertThat(plan.runs()).allSatisfy(run -> assertThat(run.args())
                .containsSequence("-f", "2", "-wi", "1", "-w", "100ms", "-i", "3", "-r", "200ms", "-foe", "true",
                        "-prof", "gc"));
    }

    @Test
    void withoutTheModifyIoctlEveryStrategyBenchmarkRunsReopenOnlyAndModifyIsListedAsNotRun() {
        EnvFacts enotty = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.MODIFY, "ioctl failed with ENOTTY"), Map.of(), null);

        JmhPlan plan = JmhPlan.of(CATALOG, settings(""), enotty);

        assertThat(plan.runs()).filteredOn(run -> String.join(" ", run.args()).contains("HeadlineBenchmark"))
                .singleElement().satisfies(run -> assertThat(run.args()).containsSequence("-p", "strategy=reopen"));
        assertThat(plan.runs()).filteredOn(run -> !String.join(" ", run.args()).contains("BindingFloor"))
                .allSatisfy(run -> assertThat(run.args()).containsSequence("-p", "strategy=reopen"));
        assertThat(plan.runs()).filteredOn(run -> String.join(" ", run.args()).contains("BindingFloor"))
                .allSatisfy(run -> assertThat(run.args()).doesNotContain("strategy=reopen"));
        assertThat(plan.leftOut()).as("one entry for the one refusal").singleElement().asString()
                .startsWith("JMH HeadlineBenchmark, LatencyBenchmark, RingPagesBenchmark, TrapRateBenchmark, "
                        + "ShapeBenchmark, SlotsBenchmark, ThreadsBenchmark strategy=modify: the modify ioctl is "
                        + "refused here: ioctl failed with ENOTTY");
    }

    @Test
    void withoutWatchpointsOnlyTheBindingFloorsThatNeedNoneRun() {
        EnvFacts eperm = new EnvFacts(2, 0, 4096, Map.of(EnvFacts.BREAKPOINTS, "perf_event_open failed with EPERM"),
                Map.of(), null);

        JmhPlan plan = JmhPlan.of(CATALOG, settings(""), eperm);

        assertThat(plan.runs()).singleElement().satisfies(run -> assertThat(String.join(" ", run.args()))
                .contains("BindingFloorBenchmark.gettid", "BindingFloorBenchmark.getpagesize")
                .doesNotContain("perfEventId", "Headline"));
        assertThat(plan.leftOut()).singleElement().asString()
                .startsWith("JMH BindingFloorBenchmark.perfEventId, HeadlineBenchmark.move, ")
                .endsWith("ThreadsBenchmark.move, TrapRateBenchmark.move: no watchpoint can be armed here: "
                        + "perf_event_open failed with EPERM");
    }

    @Test
    void anIncludeOfOnlyRefusedBenchmarksPlansNoRunAndSaysWhy() {
        EnvFacts eperm = new EnvFacts(2, 0, 4096, Map.of(EnvFacts.BREAKPOINTS, "EPERM"), Map.of(), null);

        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline"), eperm);

        assertThat(plan.runs()).isEmpty();
        assertThat(plan.leftOut()).containsExactly("JMH HeadlineBenchmark.move: no watchpoint can be armed here: EPERM");
    }

    @Test
    void ringsBeyondTheLockedMemoryLimitAreLeftOutWithNeedAndLimit() {
        LockedMemory small = new LockedMemory(false, "perf_event_mlock_kb 516 KiB x 2 online CPUs per user, then "
                + "RLIMIT_MEMLOCK 64 KiB", 1096L, 1032L, 64L, 2);
        EnvFacts nobody = new EnvFacts(2, 4, 4096, Map.of(), Map.of(), small);

        JmhPlan plan = JmhPlan.of(CATALOG, settings("RingPages"), nobody);

        assertThat(plan.runs()).singleElement().satisfies(run -> assertThat(run.args())
                .containsSequence("-p", "pages=1,8,64"));
        assertThat(plan.leftOut()).singleElement().asString()
                .startsWith("JMH RingPagesBenchmark pages=512: needs 2052 KiB locked, limit is 1096 KiB");
    }

    @Test
    void withoutSignalsBenchmarksThatOnlySignalAreLeftOutAndTheRestRunNotifyNone() {
        EnvFacts silent = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.SIGNALS, "no signal arrived"), Map.of(), null);

        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline|TrapRate"), silent);

        assertThat(run(plan, "claims notify=none,sigtrap").args()).anyMatch(arg -> arg.contains("HeadlineBenchmark"))
                .noneMatch(arg -> arg.contains("TrapRate"));
        assertThat(run(plan, "suite notify=sigtrap").args()).anyMatch(arg -> arg.contains("TrapRateBenchmark"))
                .noneMatch(arg -> arg.contains("Headline"));
        assertThat(plan.leftOut()).containsExactly("JMH HeadlineBenchmark, TrapRateBenchmark notify=signal: no signal "
                + "per trap here: no signal arrived");
    }

    @Test
    void whereWatchpointsNeverFireOnlyTheBindingFloorRunsAndEveryWatchpointBenchmarkIsLeftOutWithTheReason() {
        // As this machine's probe reports it: sigtrap accepted, but no trap shows it working.
        EnvFacts pvm = new EnvFacts(2, 4, 4096, Map.of(EnvFacts.TRAPS, "0 of 1 stores counted",
                EnvFacts.SIGTRAP, "accepted; delivery not verified"), Map.of(), null);

        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline|Latency|TrapRate|RingPages|BindingFloor"), pvm);

        assertThat(plan.runs()).isNotEmpty().allSatisfy(run -> assertThat(run.args())
                .noneMatch(arg -> arg.contains("Headline") || arg.contains("TrapRate") || arg.contains("RingPages")
                        || arg.contains("Latency")));
        assertThat(plan.leftOut()).singleElement().satisfies(line -> assertThat(line)
                .contains("HeadlineBenchmark.move", "LatencyBenchmark.move", "RingPagesBenchmark.move",
                        "TrapRateBenchmark.move")
                .endsWith("each iteration must prove its watchpoints live by a trap, and no trap is counted here (a "
                        + "store under an armed watchpoint does not fire it): 0 of 1 stores counted"));
    }

    @Test
    void withTrapsEveryTrapEveryValueIsPlanned() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline|TrapRate"), X86);

        assertThat(plan.leftOut()).isEmpty();
        assertThat(plan.runs()).extracting(JmhRun::label).containsExactly("claims", "suite");
        assertThat(run(plan, "suite").args()).anyMatch(arg -> arg.contains("TrapRateBenchmark"));
        assertThat(plan.runs()).allSatisfy(run -> assertThat(run.args())
                .as("no trapEvery list narrowed: JMH runs every declared value")
                .noneMatch(arg -> arg.startsWith("trapEvery=")));
    }

    @Test
    void withoutSigtrapTheBenchmarksThatTakeItRunTheOtherNotifyModesAndSayWhy() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline|TrapRate"), refusing(Map.of(EnvFacts.SIGTRAP,
                "perf_event_open refused attr.sigtrap: EINVAL", EnvFacts.SIG_DATA_MODIFY, "not tried")));

        assertThat(run(plan, "claims notify=none,signal").args()).anyMatch(arg -> arg.contains("HeadlineBenchmark"));
        assertThat(run(plan, "suite notify=signal").args()).anyMatch(arg -> arg.contains("TrapRateBenchmark"));
        assertThat(plan.runs()).allSatisfy(run -> assertThat(run.args()).noneMatch(arg -> arg.contains("sigtrap")));
        assertThat(plan.leftOut()).containsExactly("JMH HeadlineBenchmark, TrapRateBenchmark notify=sigtrap: "
                + "attr.sigtrap is not usable here: perf_event_open refused attr.sigtrap: EINVAL");
    }

    @Test
    void aLeftOutScenarioCarriesItsBenchmarksAndScenarioAsKeys() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline|TrapRate"), refusing(Map.of(EnvFacts.SIGTRAP,
                "perf_event_open refused attr.sigtrap: EINVAL", EnvFacts.SIG_DATA_MODIFY, "not tried")));

        assertThat(plan.notRun()).singleElement().satisfies(entry -> {
            assertThat(entry.harness()).isEqualTo("jmh");
            assertThat(entry.commands()).containsExactly("HeadlineBenchmark", "TrapRateBenchmark");
            assertThat(entry.scenario()).isEqualTo(Map.of("notify", "sigtrap"));
        });
    }

    @Test
    void sigtrapWithoutSigDataByModifyIsLeftOutWhereModifyRuns() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline"),
                refusing(Map.of(EnvFacts.SIG_DATA_MODIFY, "modify refused: EINVAL")));

        assertThat(plan.runs()).singleElement().satisfies(run -> assertThat(run.args())
                .containsSequence("-p", "notify=none,signal"));
        assertThat(plan.leftOut()).containsExactly("JMH HeadlineBenchmark notify=sigtrap: the modify ioctl cannot "
                + "rewrite sig_data here, so modify cannot retag a sigtrap watchpoint (and reopen alone gives no "
                + "ratio): modify refused: EINVAL");
    }

    @Test
    void withoutTheModifyIoctlSigtrapStillRunsWithReopen() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline"),
                refusing(Map.of(EnvFacts.MODIFY, "ENOTTY", EnvFacts.SIG_DATA_MODIFY, "ENOTTY")));

        assertThat(plan.runs()).singleElement().satisfies(run -> assertThat(run.args())
                .containsSequence("-p", "strategy=reopen").noneMatch(arg -> arg.startsWith("notify=")));
        assertThat(plan.leftOut()).containsExactly("JMH HeadlineBenchmark strategy=modify: the modify ioctl is "
                + "refused here: ENOTTY");
    }

    @Test
    void onAMachineThatSupportsSigtrapTheDefaultListsRunWhole() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings("Headline|TrapRate"), X86);

        assertThat(plan.runs()).hasSize(2).allSatisfy(run -> assertThat(run.args())
                .noneMatch(arg -> arg.startsWith("notify=")));
        assertThat(CATALOG.declared("dev.rearm.jmh.benchmarks.HeadlineBenchmark.move", "notify")).contains("sigtrap");
        assertThat(CATALOG.declared("dev.rearm.jmh.benchmarks.TrapRateBenchmark.move", "notify")).contains("sigtrap");
    }

    /** A 2-CPU x86 machine with 4 debug registers that refuses these capabilities. */
    private static EnvFacts refusing(Map<String, String> refused) {
        return new EnvFacts(2, 4, 4096, refused, Map.of(), null);
    }

    private static JmhSettings settings(String include) {
        return new JmhSettings(2, 1, "100ms", 3, "200ms", include, List.of("-prof", "gc"));
    }

    private static JmhRun run(JmhPlan plan, String label) {
        return plan.runs().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no run " + label + " in " + plan.runs()));
    }
}
