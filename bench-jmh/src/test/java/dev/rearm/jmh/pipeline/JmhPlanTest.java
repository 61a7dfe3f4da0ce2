package dev.rearm.jmh.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uses the real META-INF/BenchmarkList the annotation processor wrote for this module. */
class JmhPlanTest {
    private static final BenchmarkCatalog CATALOG = BenchmarkCatalog.compiledIn();
    private static final EnvFacts X86 = new EnvFacts(2, 4,
            Map.of("X/1", "EINVAL", "X/2", "EINVAL", "X/4", "EINVAL", "R/1", "EINVAL"), List.of());

    @Test
    void theSuiteRunHoldsEveryBenchmarkThatNeedsNoMachineFacts() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings(""), X86);

        JmhRun suite = plan.runs().get(0);
        assertThat(suite.label()).isEqualTo("suite");
        assertThat(String.join(" ", suite.args()))
                .contains("HeadlineBenchmark", "RingPagesBenchmark", "TrapRateBenchmark", "LatencyBenchmark",
                        "BindingFloorBenchmark.gettid\\E", "BindingFloorBenchmark.getpagesize\\E")
                .doesNotContain("ShapeBenchmark", "ThreadsBenchmark", "SlotsBenchmark");
    }

    @Test
    void shapesRunOnlyWithTheLengthsThisCpuAccepts() {
        JmhPlan plan = JmhPlan.of(CATALOG, settings(""), X86);

        assertThat(run(plan, "ShapeBenchmark bpType=X").args()).containsSequence("-p", "bpType=X", "-p", "bpLen=8");
        assertThat(run(plan, "ShapeBenchmark bpType=W").args()).containsSequence("-p", "bpType=W", "-p", "bpLen=1,2,4,8");
        assertThat(plan.leftOut()).contains("ShapeBenchmark bpType=X bpLen=1: this CPU refuses the shape (EINVAL)");
    }

    @Test
    void aTypeWithNoAcceptedLengthGetsNoRun() {
        EnvFacts noX = new EnvFacts(2, 4, Map.of("X/1", "EINVAL", "X/2", "EINVAL", "X/4", "EINVAL", "X/8", "EINVAL"),
                List.of());

        JmhPlan plan = JmhPlan.of(CATALOG, settings("Shape"), noX);

        assertThat(plan.runs()).extracting(JmhRun::label)
                .containsExactly("ShapeBenchmark bpType=W", "ShapeBenchmark bpType=RW");
    }

    @Test
    void threadsRunOncePerCpuWithTheThreadParamEqualToJmhThreads() {
        EnvFacts threeCpus = new EnvFacts(3, 4, Map.of(), List.of());

        JmhPlan plan = JmhPlan.of(CATALOG, settings("Threads"), threeCpus);

        assertThat(plan.runs()).hasSize(3);
        for (int n = 1; n <= 3; n++) {
            assertThat(plan.runs().get(n - 1).args()).containsSequence("-t", String.valueOf(n), "-p", "threads=" + n);
        }
    }

    @Test
    void slotsBeyondTheDebugRegistersAreLeftOutWithTheReason() {
        EnvFacts twoRegisters = new EnvFacts(2, 2, Map.of(), List.of());

        JmhPlan plan = JmhPlan.of(CATALOG, settings("Slots"), twoRegisters);

        assertThat(plan.runs()).singleElement().satisfies(run -> assertThat(run.args()).containsSequence("-p", "slots=1,2"));
        assertThat(plan.leftOut()).containsExactly("SlotsBenchmark slots=3: the probe found 2 debug registers",
                "SlotsBenchmark slots=4: the probe found 2 debug registers");
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

    private static JmhSettings settings(String include) {
        return new JmhSettings(2, 1, "100ms", 3, "200ms", include, List.of("-prof", "gc"));
    }

    private static JmhRun run(JmhPlan plan, String label) {
        return plan.runs().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no run " + label + " in " + plan.runs()));
    }
}
