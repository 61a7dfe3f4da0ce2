package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void anIncludeThatIsNotARegexNamesTheProperty() {
        assertThatThrownBy(() -> new JmhSettings(1, 1, "1s", 1, "1s", "Headline[", List.of()))
                .isInstanceOf(BadSettingException.class)
                .hasMessageStartingWith("bench.include 'Headline[' is not a regular expression");
    }

    @Test
    void zeroForksIsRefusedWithTheProperty() {
        assertThatThrownBy(() -> new JmhSettings(0, 1, "1s", 1, "1s", "", List.of()))
                .hasMessage("bench.jmh.forks=0: must be at least 1; valid: a whole number, at least 1");
    }

    @Test
    void extraJmhArgumentsSplitOnWhitespace() {
        assertThat(JmhSettings.splitArgs("  -prof gc  -jvmArgsAppend -Xmx1g ")).containsExactly("-prof", "gc",
                "-jvmArgsAppend", "-Xmx1g");
        assertThat(JmhSettings.splitArgs("")).isEmpty();
    }

    @Test
    void harnessCommandCarriesOnlyTheOptionsThatAreSet() {
        NativeSettings settings = new NativeSettings(Path.of("/h/perfbp-bench"), List.of("headline"), "3", "", " ", false);

        assertThat(settings.command("headline", Path.of("/run/native.json")))
                .containsExactly("/h/perfbp-bench", "moves", "--matrix", "headline", "--rounds", "3", "--out",
                        "/run/native.json");
    }

    @Test
    void matricesSplitOnCommasAndSpaces() {
        assertThat(NativeSettings.splitMatrices("headline, pages trap-rate")).containsExactly("headline", "pages",
                "trap-rate");
    }

    @Test
    void noMatrixIsRefusedUnlessTheHarnessIsSkipped() {
        assertThatThrownBy(() -> new NativeSettings(Path.of("h"), List.of(), "", "", "", false))
                .hasMessageStartingWith("bench.native.matrices is empty");
        assertThat(new NativeSettings(Path.of("h"), List.of(), "", "", "", true).skip()).isTrue();
    }
}
