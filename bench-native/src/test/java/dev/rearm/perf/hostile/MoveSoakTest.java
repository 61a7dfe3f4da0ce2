package dev.rearm.perf.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.testsupport.ChildJvm;
import dev.rearm.perf.testsupport.KernelSupport;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Leak soak: after many moves and a close, the process has exactly the open fds
 * ({@code /proc/self/fd}) and mapping lines ({@code /proc/self/maps}) it started with. Each soak
 * runs in a child JVM ({@link MoveSoak}) with a fixed-size heap and one compiler, so that the
 * JVM's own mappings hold still and every line counted is one a leak of ours would change.
 * {@code mvn test} runs 10,000 moves per strategy; the million-move soak is tagged "soak" and
 * runs in {@code mvn verify} (bench-native's surefire execution {@code leak-soak}).
 */
class MoveSoakTest {
    private static final long SOAK_TIMEOUT_SECONDS = 600;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void tenThousandMovesLeaveFdAndMappingCountsWhereTheyStarted(Strategy strategy) {
        soak(strategy, 10_000);
    }

    @Tag("soak")
    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void aMillionMovesLeaveFdAndMappingCountsWhereTheyStarted(Strategy strategy) {
        soak(strategy, 1_000_000);
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
        Map<String, Long> counts = Arrays.stream(line.substring("soak ".length()).split(" "))
                .map(word -> word.split("=", 2)).filter(kv -> kv[1].matches("\\d+"))
                .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1])));

        assertThat(counts.get("moves")).isEqualTo((long) moves);
        assertThat(counts.get("perfFdsArmed")).as("the counter sees the armed event's fd")
                .isEqualTo(counts.get("perfFdsBefore") + 1);
        assertThat(counts.get("perfMapsArmed")).as("the counter sees the armed event's ring")
                .isEqualTo(counts.get("perfMapsBefore") + 1);
        assertThat(counts.get("trapsCounted")).as("the moves really moved a live watchpoint")
                .isEqualTo(counts.get("trapsExpected")).isPositive();
        assertThat(counts.get("perfFdsAfter")).as("perf fds").isEqualTo(counts.get("perfFdsBefore"));
        assertThat(counts.get("perfMapsAfter")).as("perf mappings").isEqualTo(counts.get("perfMapsBefore"));
        assertThat(counts.get("fdsAfter")).as(run::describe).isEqualTo(counts.get("fdsBefore"));
        assertThat(counts.get("mapsAfter")).as(run::describe).isEqualTo(counts.get("mapsBefore"));
    }
}
