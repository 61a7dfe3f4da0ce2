package dev.rearm.perf.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchTest {

    @ParameterizedTest(name = "os.arch={0}")
    @ValueSource(strings = {"amd64", "x86_64", "AMD64"})
    void detectsX86_64UnderItsJavaAndKernelNames(String osArch) {
        assertThat(Arch.detect(osArch)).isEqualTo(Arch.X86_64);
    }

    @ParameterizedTest(name = "os.arch={0}")
    @ValueSource(strings = {"aarch64", "arm64"})
    void detectsAarch64UnderItsJavaAndKernelNames(String osArch) {
        assertThat(Arch.detect(osArch)).isEqualTo(Arch.AARCH64);
    }

    @ParameterizedTest(name = "os.arch={0}")
    @ValueSource(strings = {"riscv64", "ppc64le", "s390x", ""})
    void otherArchesAreNotGuessed(String osArch) {
        assertThat(Arch.detect(osArch)).isNull();
    }

    @Test
    void unsupportedArchMessageNamesTheArchAndTheSupportedOnes() {
        assertThat(new Arch.UnsupportedArchException("riscv64").getMessage())
                .startsWith("unsupported arch 'riscv64'").contains("x86_64").contains("aarch64");
    }

    /** asm-generic layout: _IOW('$', 11, u64 *) is 0x4008240b on both arches. */
    @Test
    void iocPacksDirectionSizeTypeAndNumber() {
        assertThat(Arch.X86_64.ioc(Arch.IOC_WRITE, '$', 11, 8)).isEqualTo(0x4008240bL);
        assertThat(Arch.AARCH64.ioc(Arch.IOC_NONE, '$', 1, 0)).isEqualTo(0x2401L);
    }

    @Test
    void perfEventOpenSyscallNumbersPerArch() {
        assertThat(Arch.X86_64.perfEventOpenSyscall()).isEqualTo(298);
        assertThat(Arch.AARCH64.perfEventOpenSyscall()).isEqualTo(241);
    }
}
