package dev.rearm.perf.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.KernelSupport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Leak soak: after many moves and a close, the process has exactly the perf fds and perf ring
 * mappings ({@code anon_inode:[perf_event]} in {@code /proc/self/fd} and {@code /proc/self/maps})
 * and the number of open fds it started with. The total mapping count is not compared: the JVM's
 * malloc arenas, code cache and GC reserve move it on their own (197 -> 196 once, perf mappings
 * 0 -> 0), while a ring of ours is a perf mapping. Each soak runs in a child JVM ({@link MoveSoak}).
 * {@code mvn test} runs 10,000 moves per strategy; the million-move soak is tagged "soak" and
 * runs in {@code mvn verify} (bench-native's surefire execution {@code leak-soak}).
 */
@Tag(KernelSupport.TRAPS_TAG)
class MoveSoakTest {
    private static final long SOAK_TIMEOUT_SECONDS = 600;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void tenThousandMovesLeaveFdsAndPerfMappingsWhereTheyStarted(Strategy strategy) {
        soak(strategy, 10_000);
    }

    @Tag("soak")
    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void aMillionMovesLeaveFdsAndPerfMappingsWhereTheyStarted(Strategy strategy) {
        soak(strategy, 1_000_000);
    }

    @Test
    void theJvmMovingItsOwnMappingsIsNotALeak() {
        // The line of the failure this rule was made for (the old soak line still had maps=).
        String seen = "soak strategy=modify moves=10000 seconds=1 fdsBefore=14 fdsArmed=15 fdsAfter=14 mapsBefore=197 "
                + "mapsArmed=198 mapsAfter=196 perfFdsBefore=0 perfFdsArmed=1 perfFdsAfter=0 perfMapsBefore=0 "
                + "perfMapsArmed=1 perfMapsAfter=0 trapsExpected=10 trapsCounted=10";

        assertThat(leaks(counts(seen))).isEmpty();
    }

    @Test
    void aWatchpointLeftOpenIsALeakOfItsFdAndItsRing() {
        String leaked = "soak strategy=reopen moves=10000 seconds=1 fdsBefore=14 fdsArmed=15 fdsAfter=15 "
                + "perfFdsBefore=0 perfFdsArmed=1 perfFdsAfter=1 perfMapsBefore=0 perfMapsArmed=1 perfMapsAfter=1 "
                + "trapsExpected=10 trapsCounted=10";

        assertThat(leaks(counts(leaked))).containsExactly("perfFds 0 -> 1", "perfMaps 0 -> 1", "fds 14 -> 15");
    }

    @Test
    void anyOtherFdLeftOpenIsALeak() {
        String leaked = "soak strategy=modify moves=10000 seconds=1 fdsBefore=14 fdsArmed=15 fdsAfter=15 "
                + "perfFdsBefore=0 perfFdsArmed=1 perfFdsAfter=0 perfMapsBefore=0 perfMapsArmed=1 perfMapsAfter=0 "
                + "trapsExpected=10 trapsCounted=10";

        assertThat(leaks(counts(leaked))).containsExactly("fds 14 -> 15");
    }

    private static void soak(Strategy strategy, int moves) {
        KernelSupport.assumeStrategy(strategy);
        KernelSupport.assumeSignals();
        ChildJvm.Result run = new ChildJvm().jvmOption("-Xms64m").jvmOption("-Xmx64m")
                .timeoutSeconds(SOAK_TIMEOUT_SECONDS)
                .run(MoveSoak.class.getName(), strategy.key(), Integer.toString(moves));
        assertThat(run.exit()).as(run::describe).isZero();
        String line = Arrays.stream(run.stdout().split("\n")).filter(l -> l.startsWith("soak ")).findFirst()
                .orElseThrow(() -> new AssertionError("no soak line: " + run.describe()));
        System.out.println(line);
        Map<String, Long> counts = counts(line);

        assertThat(counts.get("moves")).isEqualTo((long) moves);
        assertThat(counts.get("perfFdsArmed")).as("the counter sees the armed event's fd")
                .isEqualTo(counts.get("perfFdsBefore") + 1);
        assertThat(counts.get("perfMapsArmed")).as("the counter sees the armed event's ring")
                .isEqualTo(counts.get("perfMapsBefore") + 1);
        assertThat(counts.get("trapsCounted")).as("the moves really moved a live watchpoint")
                .isEqualTo(counts.get("trapsExpected")).isPositive();
        assertThat(leaks(counts)).as(run::describe).isEmpty();
    }

    /** The {@code key=value} words of a soak line with a number as value. */
    static Map<String, Long> counts(String soakLine) {
        return Arrays.stream(soakLine.substring("soak ".length()).split(" "))
                .map(word -> word.split("=", 2)).filter(kv -> kv.length == 2 && kv[1].matches("\\d+"))
                .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1])));
    }

    /** What the soak line shows leaked (a count not back where it started), one phrase each; empty if nothing. */
    static List<String> leaks(Map<String, Long> counts) {
        List<String> leaks = new ArrayList<>();
        for (String counted : List.of("perfFds", "perfMaps", "fds")) {
            long before = counts.get(counted + "Before");
            long after = counts.get(counted + "After");
            if (before != after) {
                leaks.add(counted + " " + before + " -> " + after);
            }
        }
        return leaks;
    }
}
