package dev.rearm.perf.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How -Drearm.binding chooses the binding of the perf calls, and what happens when JNI cannot load. */
class BindingSelectionTest {
    private final ByteArrayOutputStream noteBytes = new ByteArrayOutputStream();
    private final PrintStream notes = new PrintStream(noteBytes, true, StandardCharsets.UTF_8);

    private static final Supplier<PerfCalls> JNI_MISSING = () -> {
        throw new Binding.UnavailableException("libperfbp's JNI entry points did not load (test)", null);
    };

    private String notes() {
        return noteBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void thisJvmUsesTheBindingThePropertyNamesOrJniWhenUnset() {
        String requested = System.getProperty(Binding.PROPERTY);
        Binding expected = requested == null || requested.isBlank() ? Binding.JNI : Binding.parse(requested);
        assertThat(Binding.selected().binding()).isEqualTo(expected);
    }

    @Test
    void unsetChoosesJniWhenItLoads() {
        assertThat(Binding.select(null, JniPerfCalls::load, notes).binding()).isEqualTo(Binding.JNI);
        assertThat(Binding.select("", JniPerfCalls::load, notes).binding()).isEqualTo(Binding.JNI);
        assertThat(notes()).isEmpty();
    }

    @Test
    void unsetFallsBackToJnaWithOneNoteSayingWhy() {
        PerfCalls calls = Binding.select(null, JNI_MISSING, notes);

        assertThat(calls.binding()).isEqualTo(Binding.JNA);
        assertThat(notes().lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("binding: jna").contains("JNI entry points did not load (test)").contains("-Drearm.binding=jna"));
    }

    @Test
    void explicitJnaIsHonouredWithoutLoadingJni() {
        assertThat(Binding.select("jna", JNI_MISSING, notes).binding()).isEqualTo(Binding.JNA);
        assertThat(Binding.select(" JNA ", JNI_MISSING, notes).binding()).isEqualTo(Binding.JNA);
        assertThat(notes()).isEmpty();
    }

    @Test
    void explicitJniIsHonoured() {
        assertThat(Binding.select("jni", JniPerfCalls::load, notes).binding()).isEqualTo(Binding.JNI);
    }

    @Test
    void explicitJniThatCannotLoadIsAnErrorNotAQuietFallback() {
        assertThatThrownBy(() -> Binding.select("jni", JNI_MISSING, notes))
                .isInstanceOf(Binding.UnavailableException.class)
                .hasMessageStartingWith("-Drearm.binding=jni, but libperfbp's JNI entry points did not load");
        assertThat(notes()).isEmpty();
    }

    @Test
    void unknownValueIsOneLineNamingTheValueAndTheValidOnes() {
        assertThatThrownBy(() -> Binding.select("ffm", JniPerfCalls::load, notes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rearm.binding 'ffm'")
                .hasMessageContaining("jni or jna")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
