package dev.rearm.perf.testsupport;

import dev.rearm.perf.linux.Binding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Java main in a fresh JVM (this JVM's java and class path), optionally behind a launcher
 * such as {@code perfbp-refuse --open EPERM --} or {@code runuser -u nobody --}: for what must
 * happen in a process of its own (a seccomp filter, another user, an exit code).
 */
public final class ChildJvm {
    private static final long DEFAULT_TIMEOUT_SECONDS = EmulatedCpu.timeoutSeconds(120);
    /** Grants class-path code native access; JDK 17 accepts it silently. */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private final List<String> launcher = new ArrayList<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private String classPath = System.getProperty("java.class.path");
    private long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    /** What a finished child left: its exit code and everything it printed. */
    public record Result(int exit, String stdout, String stderr) {
        /** For assertion messages: the whole story of the child in one string. */
        public String describe() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Prefixes the java command with {@code command} (which ends by exec-ing the rest). */
    public ChildJvm launcher(List<String> command) {
        launcher.addAll(command);
        return this;
    }

    public ChildJvm jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** How long the child may run before it is killed and the test fails (default 120 s; on the emulated CPU ten times either). */
    public ChildJvm timeoutSeconds(long seconds) {
        timeoutSeconds = EmulatedCpu.timeoutSeconds(seconds);
        return this;
    }

    public ChildJvm environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ChildJvm classPath(String entries) {
        classPath = entries;
        return this;
    }

    public Result run(String mainClass, String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The children do little work: the C1 compiler and one GC thread start them fastest.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        // As the jars' manifests do: JDK 24+ warns on stderr at JNA's and libperfbp's System::load
        // otherwise, and the children's stderr is what many tests read.
        command.add(NATIVE_ACCESS);
        String binding = System.getProperty(Binding.PROPERTY);
        if (binding != null && !binding.isBlank()) {
            // A test run under -Drearm.binding=jna tests its children under it too.
            command.add("-D" + Binding.PROPERTY + "=" + binding);
        }
        String watchpointFires = System.getProperty(IndependentWatchpointCheck.BINARY_PROPERTY);
        if (watchpointFires != null) {
            // Tests run in a child (under a refusal, as nobody) gate on the same check as their parent.
            command.add("-D" + IndependentWatchpointCheck.BINARY_PROPERTY + "=" + watchpointFires);
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return exec(command, environment, timeoutSeconds);
    }

    /** Runs any command (not only a JVM) the same way: output captured, bounded wait. */
    public static Result exec(List<String> command) {
        return exec(command, Map.of(), DEFAULT_TIMEOUT_SECONDS);
    }

    private static Result exec(List<String> command, Map<String, String> environment, long timeoutSeconds) {
        try {
            Path dir = Files.createTempDirectory("rearm-child");
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
                builder.environment().putAll(environment);
                Process process = builder.start();
                process.getOutputStream().close();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("child did not finish in " + timeoutSeconds + " s: " + command);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + command, e);
        }
    }

    /**
     * This module's build folder ({@code target/}), found from where the test classes were
     * loaded, so the native tools it built are found whatever the working directory.
     */
    public static Path buildDirectory() {
        try {
            Path testClasses = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
