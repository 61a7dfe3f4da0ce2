package dev.rearm.jmh.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.jmh.workload.Scenario;
import dev.rearm.jmh.workload.WatchpointState;
import dev.rearm.perf.strategy.WatchpointSpec;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * JMH runs the product of a benchmark's {@code @Param} lists and cannot leave a combination out,
 * so every combination a benchmark declares must be a scenario the state accepts and a
 * WatchpointSpec the movers accept. No kernel is needed: this builds the scenarios and specs only.
 */
class DeclaredParamsTest {
    private static final List<Class<? extends WatchpointState>> STATES = List.of(HeadlineBenchmark.Watchpoint.class,
            TrapRateBenchmark.Watchpoint.class, RingPagesBenchmark.Watchpoint.class, ShapeBenchmark.Watchpoint.class,
            ThreadsBenchmark.Watchpoint.class, SlotsBenchmark.Watchpoint.class, LatencyBenchmark.Watchpoint.class);

    @Test
    void everyDeclaredCombinationIsAScenarioAndASpecTheMoversAccept() throws ReflectiveOperationException {
        int combinations = 0;
        for (Class<? extends WatchpointState> state : STATES) {
            for (Map<Field, String> values : product(paramFields(state))) {
                Scenario scenario = scenarioOf(state, values);
                WatchpointSpec spec = scenario.specAt(0x1000);
                assertThat(spec.pages()).as(state.getName() + " " + scenario).isEqualTo(scenario.ringPages());
                combinations++;
            }
        }
        assertThat(combinations).isPositive();
    }

    @Test
    void theHeadlineAndTrapRateBenchmarksTakeSigtrapByDefault() throws ReflectiveOperationException {
        for (Class<? extends WatchpointState> state : List.of(HeadlineBenchmark.Watchpoint.class,
                TrapRateBenchmark.Watchpoint.class)) {
            assertThat(state.getField("notify").getAnnotation(Param.class).value()).as(state.getName())
                    .contains("signal", "sigtrap");
        }
    }

    @Test
    void theSigtrapRowsOfTheDefaultListsAreKeyedWithoutARingAsNativeKeysThem() throws ReflectiveOperationException {
        List<String> sigtrapKeys = new ArrayList<>();
        for (Map<Field, String> values : product(paramFields(HeadlineBenchmark.Watchpoint.class))) {
            Scenario scenario = scenarioOf(HeadlineBenchmark.Watchpoint.class, values);
            if (scenario.toString().contains("notify=sigtrap")) {
                sigtrapKeys.add(scenario.toString());
            }
        }

        assertThat(sigtrapKeys).hasSize(4).allSatisfy(key -> assertThat(key).contains(" pages=0 "));
    }

    private static Scenario scenarioOf(Class<? extends WatchpointState> state, Map<Field, String> values)
            throws ReflectiveOperationException {
        WatchpointState instance = state.getDeclaredConstructor().newInstance();
        for (Map.Entry<Field, String> value : values.entrySet()) {
            Field field = value.getKey();
            field.set(instance, field.getType() == int.class ? Integer.parseInt(value.getValue()) : value.getValue());
        }
        Method scenario = state.getDeclaredMethod("scenario");
        scenario.setAccessible(true);
        return (Scenario) scenario.invoke(instance);
    }

    private static Map<Field, String[]> paramFields(Class<?> state) {
        Map<Field, String[]> fields = new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
        for (Field field : state.getFields()) {
            Param param = field.getAnnotation(Param.class);
            if (param != null) {
                fields.put(field, param.value());
            }
        }
        return fields;
    }

    private static List<Map<Field, String>> product(Map<Field, String[]> fields) {
        List<Map<Field, String>> combinations = new ArrayList<>(List.of(new TreeMap<>(
                (a, b) -> a.getName().compareTo(b.getName()))));
        for (Map.Entry<Field, String[]> field : fields.entrySet()) {
            List<Map<Field, String>> next = new ArrayList<>();
            for (Map<Field, String> partial : combinations) {
                for (String value : field.getValue()) {
                    Map<Field, String> extended = new TreeMap<>((a, b) -> a.getName().compareTo(b.getName()));
                    extended.putAll(partial);
                    extended.put(field.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }
}
