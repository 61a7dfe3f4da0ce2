package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK 21 and newer print "WARNING: A restricted method ... --enable-native-access" on every
 * JNI/JNA library load of a JVM not granted native access; the probe's output would then no
 * longer be what it promises. Under JDK 17 the warning never appears, so this pins the flag
 * itself too.
 */
class NativeAccessTest {
    @TempDir
    Path dir;

    @Test
    void everyJvmThePipelineStartsIsGrantedNativeAccess() {
        assertThat(MeasureCommand.javaCommand()).contains("--enable-native-access=ALL-UNNAMED");
    }

    @Test
    void theProbeStartedAsThePipelineStartsItPrintsNoNativeAccessWarning() throws Exception {
        List<String> command = new ArrayList<>(MeasureCommand.javaCommand());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.rearm.perf.cli.RearmNativeCli",
                "probe", "--out", dir.resolve("env.json").toString()));
        Process probe = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(probe.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(probe.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("WARNING", "enable-native-access");
    }
}
