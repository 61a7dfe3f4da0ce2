package dev.rearm.jmh.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The -p check benchmarks.jar runs before JMH: a value a selected benchmark's setup would refuse
 * is named in one line, and what the setup takes (README's own commands among it) passes.
 */
class ParamCheckTest {
    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "HeadlineBenchmark -p strategy=teleport | -p strategy=teleport: strategy 'teleport' is not one of reopen, modify"
            + " (dev.rearm.jmh.benchmarks.HeadlineBenchmark.move)",
        "-p strategy=teleport | -p strategy=teleport: strategy 'teleport' is not one of reopen, modify (",
        "HeadlineBenchmark -p strategy=modify,teleport | -p strategy=modify,teleport: strategy 'teleport' is not one of",
        "TrapRateBenchmark -p notify=email | -p notify=email: notify 'email' is not one of none, signal, sigtrap",
        "HeadlineBenchmark -p trapEvery=often | -p trapEvery=often: trapEvery 'often' is not a whole number",
        "RingPagesBenchmark -p pages=3 | -p pages=3: pages=3 is not a power of two",
        "HeadlineBenchmark -p pages=8 | -p pages=8: pages=8 does not apply to notify=sigtrap",
        "ShapeBenchmark -p bpType=X -p bpLen=8 -p trapEvery=1 | trapEvery=1 with bpType=X",
        "BindingFloorBenchmark -p binding=jnr | -p binding=jnr: binding 'jnr' is not one of jni, jna"
            + " (dev.rearm.jmh.benchmarks.BindingFloorBenchmark.",
    })
    void aValueASelectedBenchmarkCannotRunIsNamedInOneLine(String args, String expected) {
        assertThat(ParamCheck.refusal(args.split(" "))).hasValueSatisfying(why -> assertThat(why)
                .contains(expected).doesNotContain("\n").doesNotContain("Exception"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "HeadlineBenchmark -p strategy=modify -p trapEvery=0 -rf json",
        "ThreadsBenchmark -t 2 -p threads=2",
        "TrapRateBenchmark -p trapEvery=7 -p notify=signal",
        "RingPagesBenchmark -p pages=2,128",
        "BindingFloorBenchmark -p binding=jna,jni",
        "BindingFloorBenchmark -p strategy=teleport",
        "HeadlineBenchmark",
        "-l -p strategy=teleport",
    })
    void valuesTheBenchmarksTakeAndParamsTheSelectionDoesNotDeclarePass(String args) {
        assertThat(ParamCheck.refusal(args.split(" "))).isEmpty();
    }
}
