package dev.rearm.jmh.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH's forks are granted native access by the benchmarks' common {@code @Fork}, not by the JVM
 * that launches them: a host JVM started with no option at all runs one tiny fork per binding
 * (each loads JNA or libperfbp) and JMH's echo of the forks' output holds no restricted-method
 * warning. On JDK 17 there is nothing to warn about; CI runs the tests on the newest JDK too.
 */
class ForkNativeAccessTest {
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void forksLoadingEachBindingPrintNoNativeAccessWarning() throws IOException, InterruptedException {
        Path console = dir.resolve("console");
        // A private java.io.tmpdir for JMH's machine-wide lock, so a benchmark run elsewhere on
        // the machine neither blocks nor is blocked by this one.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main",
                BindingFloorBenchmark.class.getName() + ".getpagesize", "-p", "binding=jna,jni",
                "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-foe", "true");
        Process jmh = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        jmh.getOutputStream().close();
        if (!jmh.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            jmh.destroyForcibly().waitFor();
            throw new AssertionError("JMH did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        String output = Files.readString(console, StandardCharsets.UTF_8);

        assertThat(jmh.exitValue()).as(output).isZero();
        assertThat(output).as("JMH ran both forks").contains("binding = jna").contains("binding = jni");
        assertThat(output.lines().filter(line -> line.startsWith("# VM options:")))
                .as("the forks' options, on any JDK").allMatch(line -> line.contains(RearmBenchmark.NATIVE_ACCESS)).hasSize(2);
        assertThat(output.lines().filter(ForkNativeAccessTest::isNativeAccessWarning)).as(output).isEmpty();
    }

    /**
     * A line of the JDK's warning about a restricted method called without native access. (JMH
     * 1.37 itself draws JDK 24+'s sun.misc.Unsafe deprecation warning, a different one.)
     */
    private static boolean isNativeAccessWarning(String line) {
        return line.startsWith("WARNING") && (line.contains("restricted method") || line.contains("System::load")
                || line.contains("--enable-native-access") || line.contains("native access"));
    }
}
