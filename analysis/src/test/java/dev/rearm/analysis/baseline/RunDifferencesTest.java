package dev.rearm.analysis.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.analysis.Fixtures;
import dev.rearm.analysis.load.RunLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDifferencesTest {

    @TempDir
    Path tmp;

    @Test
    void twoCopiesOfOneRunDifferInNothing() throws Exception {
        Path a = Fixtures.copyAll(tmp, "a");
        Path b = Fixtures.copyAll(tmp, "b");
        assertThat(RunDifferences.between(RunLoader.load(a), RunLoader.load(b))).isEmpty();
    }

    @Test
    void everyChangedFactOfEnvJsonJmhJsonAndRunJsonIsListed() throws Exception {
        Path a = Fixtures.copyAll(tmp, "a");
        Path b = Fixtures.copyAll(tmp, "b");
        replace(b.resolve("env.json"), "6.18.44-fc-v669", "6.17.1");
        replace(b.resolve("env.json"), "\"nproc\" : 2", "\"nproc\" : 4");
        replace(b.resolve("jmh.json"), "17.0.15+6-Debian-1deb12u1", "21.0.5+11");
        replace(b.resolve("run.json"), "\"profile\": \"fixture\"", "\"profile\": \"full\"");
        assertThat(RunDifferences.between(RunLoader.load(a), RunLoader.load(b)))
                .contains("kernel (env.json): '6.18.44-fc-v669' here, '6.17.1' in the baseline")
                .contains("CPUs (nproc) (env.json): '2' here, '4' in the baseline")
                .contains("profile (run.json): 'fixture' here, 'full' in the baseline")
                .anyMatch(line -> line.startsWith("JMH's JVM (jmh.json): ") && line.contains("21.0.5+11"))
                .hasSize(4);
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
