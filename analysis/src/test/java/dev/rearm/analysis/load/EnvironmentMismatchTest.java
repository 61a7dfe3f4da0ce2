package dev.rearm.analysis.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentMismatchTest {

    @Test
    void javasAmd64AndUnamesX8664AreOneArchitectureNotAWarning() {
        // The published run's env.json (the probe, Java) says amd64, its native.json (uname) x86_64.
        assertThat(EnvironmentMismatch.between(env("AMD EPYC", "6.18.44", "amd64"), env("AMD EPYC", "6.18.44", "x86_64")))
                .isEmpty();
    }

    @Test
    void differentKernelsAndCpusAreEachNamed() {
        assertThat(EnvironmentMismatch.between(env("AMD EPYC", "6.18.44", "amd64"), env("Intel Xeon", "5.15.0", "aarch64")))
                .hasSize(3).anySatisfy(w -> assertThat(w).contains("different kernels ('6.18.44' against '5.15.0')"));
    }

    @Test
    void aFactOneSideDoesNotNameIsNoWarning() {
        assertThat(EnvironmentMismatch.between(env("AMD EPYC", null, null), env(null, "5.15.0", "x86_64"))).isEmpty();
    }

    private static Environment env(String cpu, String kernel, String arch) {
        return new Environment("test", kernel, arch, cpu, null, null, null, null, null, null, null, null, null, null,
                List.of(), List.of());
    }
}
