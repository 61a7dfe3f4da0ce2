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
        assertThat(NativeSettings.runs("moves", "headline, pages trap-rate")).containsExactly("headline", "pages",
                "trap-rate");
    }

    @Test
    void commandsRunInOrderWithMovesAsOneRunPerMatrix() {
        assertThat(NativeSettings.runs("profiler,moves round-size,trap-anatomy", "headline,pages"))
                .containsExactly("profiler", "headline", "pages", "round-size", "trap-anatomy");
        assertThat(NativeSettings.runs("trap-anatomy", "all")).as("matrices without moves run nothing")
                .containsExactly("trap-anatomy");
    }

    @Test
    void aCommandInTheMatricesPropertyIsRefusedNamingThePropertyThatNamesCommands() {
        assertThatThrownBy(() -> NativeSettings.runs("moves", "all,profiler,trap-anatomy,round-size"))
                .isInstanceOf(BadSettingException.class)
                .hasMessageStartingWith("bench.native.matrices='all,profiler,trap-anatomy,round-size': profiler is a "
                        + "command, not a matrix; valid: the commands in bench.native.commands")
                .hasMessageContaining("-Dbench.native.matrices=all").hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownCommandIsRefusedWithTheCommands() {
        assertThatThrownBy(() -> NativeSettings.runs("moves,headline", "all"))
                .isInstanceOf(BadSettingException.class)
                .hasMessage("bench.native.commands='moves,headline': unknown command 'headline'; valid: moves, "
                        + "profiler, trap-anatomy, round-size");
    }

    @Test
    void movesWithoutMatricesIsRefused() {
        assertThatThrownBy(() -> NativeSettings.runs("moves", " "))
                .hasMessageStartingWith("bench.native.matrices is empty and bench.native.commands names moves");
    }

    @Test
    void noCommandIsRefusedUnlessTheHarnessIsSkipped() {
        assertThatThrownBy(() -> new NativeSettings(Path.of("h"), NativeSettings.runs("", "all"), "", "", "", false))
                .hasMessageStartingWith("bench.native.commands is empty");
        assertThat(new NativeSettings(Path.of("h"), List.of(), "", "", "", true).skip()).isTrue();
    }

    @Test
    void fixedAndTimeSizedRoundsTogetherAreRefusedNamingBothProperties() {
        assertThatThrownBy(() -> new NativeSettings(Path.of("h"), List.of("all"), "10", "2000", "100", "", "2", false))
                .isInstanceOf(BadSettingException.class)
                .hasMessageStartingWith("bench.native.iterations='2000' and bench.native.roundMs='100' are both set")
                .hasMessageContaining("valid: one of them, the other empty");
        assertThatThrownBy(() -> new NativeSettings(Path.of("h"), List.of("all"), "", "2000", "", "50", "", false))
                .hasMessageStartingWith("bench.native.iterations='2000' and bench.native.minOps='50' are both set");
    }

    @Test
    void timeSizedRoundsPassTheirTargetAndFloorToMovesOnly() {
        NativeSettings settings = new NativeSettings(Path.of("/h/perfbp-bench"), List.of("headline", "round-size"), "10",
                "", "100", "200", "2", false);

        assertThat(settings.command("headline", Path.of("/run/native.json"))).containsExactly("/h/perfbp-bench", "moves",
                "--matrix", "headline", "--rounds", "10", "--round-ms", "100", "--min-ops", "200", "--warmup", "2",
                "--out", "/run/native.json");
        assertThat(settings.command("round-size", Path.of("/run/round-size.json"))).as("its sizes are its own")
                .containsExactly("/h/perfbp-bench", "round-size", "--rounds", "10", "--warmup", "2", "--out",
                        "/run/round-size.json");
        assertThat(settings.timeSized()).isTrue();
    }

    @Test
    void fixedRoundsPassTheirOpCountAndNoTarget() {
        NativeSettings settings = new NativeSettings(Path.of("/h/perfbp-bench"), List.of("all"), "", "2000", " ", "", "",
                false);

        assertThat(settings.command("all", Path.of("/o"))).containsExactly("/h/perfbp-bench", "moves", "--matrix", "all",
                "--iterations", "2000", "--out", "/o");
        assertThat(settings.timeSized()).isFalse();
    }
}
