package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnatomyLoaderTest {
    @TempDir
    Path dir;

    private void nativeJson(String anatomy) throws IOException {
        Files.writeString(dir.resolve("native.json"), "{\"harness\": \"native\", \"results\": []"
                + (anatomy == null ? "" : ", \"anatomy\": " + anatomy) + "}");
    }

    @Test
    void aRunWithoutAnatomyHasNoParts() throws Exception {
        nativeJson(null);
        assertThat(AnatomyLoader.read(dir)).isEmpty();
    }

    @Test
    void measuredAndNotRunPartsAreBothRead() throws Exception {
        nativeJson("""
                {"rounds": 2, "parts": [
                  {"part": "count", "kind": "watchpoint", "status": "not run", "reason": "no watchpoint fires here"},
                  {"part": "int3", "kind": "reference", "status": "ok", "trapNsPerOp": [2400.5, 2500],
                   "plainNsPerOp": [1.5, 1.0], "traps": {"expected": 4000, "observed": 4000}}]}""");
        var parts = AnatomyLoader.read(dir);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).measured()).isFalse();
        assertThat(parts.get(0).notRunReason()).isEqualTo("no watchpoint fires here");
        assertThat(parts.get(1).nsPerTrap()).containsExactly(2399.0, 2499.0);
    }

    @Test
    void aNegativeFigureIsRefusedNamingFilePartAndField() throws Exception {
        nativeJson("""
                {"parts": [{"part": "int3", "kind": "reference", "status": "ok", "trapNsPerOp": [2400, -1],
                   "plainNsPerOp": [1, 1], "traps": {"expected": 2, "observed": 2}}]}""");
        assertThatThrownBy(() -> AnatomyLoader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("native.json anatomy.parts[0] (int3): trapNsPerOp[1] is '-1'");
    }

    @Test
    void aPartWhosePremiseFailedIsRefused() throws Exception {
        nativeJson("""
                {"parts": [{"part": "count", "kind": "watchpoint", "status": "ok", "trapNsPerOp": [9000],
                   "plainNsPerOp": [1], "traps": {"expected": 2000, "observed": 0}}]}""");
        assertThatThrownBy(() -> AnatomyLoader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("traps expected 2000 but observed 0");
    }
}
