package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run on QEMU's software CPU is flagged first, so its figures are never read as a CPU's. */
class EmulatedCpuTest {
    @TempDir
    Path tmp;

    @Test
    void aRunOnQemusSoftwareCpuCarriesTheEmulationWarningFirst() throws Exception {
        Path run = Fixtures.copyAll(tmp, "emulated");
        for (String file : new String[] {"env.json", "native.json"}) {
            Path path = run.resolve(file);
            Files.writeString(path, Files.readString(path).replace("AMD EPYC", "QEMU TCG CPU version 2.5+"));
        }

        Run loaded = RunLoader.load(run);

        assertThat(loaded.warnings()).first().asString().startsWith("this run's CPU is emulated ('QEMU TCG CPU "
                + "version 2.5+'").contains("never compare or publish its figures");
    }

    @Test
    void aRunOnARealCpuCarriesNoEmulationWarning() throws Exception {
        Run loaded = RunLoader.load(Fixtures.copyAll(tmp, "real"));

        assertThat(loaded.warnings()).noneSatisfy(w -> assertThat(w).contains("emulated"));
    }
}
