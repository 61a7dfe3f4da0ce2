package dev.rearm.jmh.workload;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.rearm.jmh.benchmarks.HeadlineBenchmark;
import dev.rearm.jmh.benchmarks.TrapRateBenchmark;
import dev.rearm.perf.strategy.Strategy;
import dev.rearm.perf.testsupport.KernelSupport;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jmh.annotations.Param;

/**
 * The sigtrap rows the default @Param lists now hold run through the benchmarks' own state
 * classes, with the class's pages=1 read as no ring (the RW 1-byte headline shape): every op traps, every SIGTRAP carries the
 * tag of the address armed at that op, and the iteration's premise holds. Needs a watchpoint that
 * fires (and attr.sigtrap, and sig_data by modify for modify); skips with the reason elsewhere.
 */
@Tag(KernelSupport.TRAPS_TAG)
class DefaultSigtrapPremiseTest {
    private static final int OPS = 300;

    @ParameterizedTest(name = "{0} {1} trapEvery={2}")
    @CsvSource({"HeadlineBenchmark, reopen, 1", "HeadlineBenchmark, modify, 1", "TrapRateBenchmark, reopen, 3",
            "TrapRateBenchmark, modify, 3"})
    void theDefaultSigtrapRowsPassTheirPremiseWithEveryTagMatched(String benchmark, String strategy, int trapEvery)
            throws ReflectiveOperationException {
        if (Strategy.parse(strategy) == Strategy.MODIFY) {
            KernelSupport.assumeSigDataModify();
        } else {
            KernelSupport.assumeSigtrap();
        }
        WatchpointState state = sigtrapState(benchmark.equals("HeadlineBenchmark") ? HeadlineBenchmark.Watchpoint.class
                : TrapRateBenchmark.Watchpoint.class, strategy, trapEvery);
        state.arm(1);
        try {
            for (int iteration = 0; iteration < 2; iteration++) {
                assertThatCode(() -> {
                    state.startIteration();
                    for (int i = 0; i < OPS; i++) {
                        state.moveOnce();
                    }
                    state.checkPremise();
                }).as("iteration " + iteration).doesNotThrowAnyException();
            }
        } finally {
            state.disarm();
        }
    }

    /** The benchmark's own @State class, each @Param at its first declared value but these three. */
    private static WatchpointState sigtrapState(Class<? extends WatchpointState> type, String strategy, int trapEvery)
            throws ReflectiveOperationException {
        WatchpointState state = type.getDeclaredConstructor().newInstance();
        for (Field field : type.getFields()) {
            Param param = field.getAnnotation(Param.class);
            if (param != null) {
                String value = switch (field.getName()) {
                    case "strategy" -> strategy;
                    case "trapEvery" -> String.valueOf(trapEvery);
                    case "notify" -> "sigtrap";
                    default -> param.value()[0];
                };
                field.set(state, field.getType() == int.class ? Integer.parseInt(value) : value);
            }
        }
        return state;
    }
}
