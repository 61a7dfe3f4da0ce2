package dev.rearm.perf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * bench-native.jar, run as a user runs it ({@code java -jar}, no option), grants itself native
 * access through its manifest, so no JDK prints a restricted-method warning before its output.
 * Tagged "packaged": it needs the jar, so it runs in {@code mvn verify} after packaging
 * (bench-native's surefire execution {@code packaged-jar}), with the JDK that runs the build.
 */
@Tag("packaged")
class PackagedJarTest {
    private static final Path JAR = ChildJvm.buildDirectory().resolve("bench-native.jar");

    @Test
    void theManifestGrantsNativeAccessToTheClassPath() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    @Test
    void theProbeAndItsHelpPrintNoNativeAccessWarning() {
        for (List<String> args : List.of(List.of("probe"), List.of("probe", "--help"), List.of("probe", "--json"))) {
            ChildJvm.Result run = javaJar(args);

            assertThat(run.stderr().lines().filter(NativeAccessTest::isNativeAccessWarning))
                    .as(() -> String.join(" ", args) + ": " + run.describe()).isEmpty();
            assertThat(run.stdout()).as(run::describe).isNotBlank();
        }
    }

    private static ChildJvm.Result javaJar(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(args);
        return ChildJvm.exec(command);
    }
}
