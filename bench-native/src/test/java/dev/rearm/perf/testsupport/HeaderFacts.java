package dev.rearm.perf.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the C headers of this machine say about the layouts and constants our Java code
 * hard-codes: {@code src/test/c/abi_facts.c} compiled with gcc and run once per test JVM.
 * Without gcc the tests that need it are skipped with that reason; a compile error fails them.
 */
public final class HeaderFacts {
    private static final Path SOURCE = moduleDir().resolve("src/test/c/abi_facts.c");
    private static final Path BINARY = moduleDir().resolve("target/test-native/abi_facts");

    private static Map<String, Long> facts;
    private static String unavailable;

    private HeaderFacts() {
    }

    /** The value the headers give {@code name} (a "name value" line of abi_facts). */
    public static long of(String name) {
        Long value = all().get(name);
        if (value == null) {
            fail("abi_facts printed no line for '" + name + "'");
        }
        return value;
    }

    /** Every fact; skips the calling test when gcc is absent. */
    public static synchronized Map<String, Long> all() {
        if (facts == null && unavailable == null) {
            load();
        }
        HostPrecondition.assume(unavailable == null, unavailable);
        return facts;
    }

    private static void load() {
        if (!gccPresent()) {
            unavailable = "gcc not found on PATH: the ABI checks compile " + SOURCE
                    + " against <linux/perf_event.h> (Debian/Ubuntu: apt-get install gcc linux-libc-dev)";
            return;
        }
        try {
            Files.createDirectories(BINARY.getParent());
            run("gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-D_GNU_SOURCE",
                    "-o", BINARY.toString(), SOURCE.toString());
            facts = parse(run(BINARY.toString()));
        } catch (IOException e) {
            fail("cannot build or run " + BINARY + ": " + e.getMessage());
        }
    }

    private static Map<String, Long> parse(String output) {
        Map<String, Long> parsed = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            parsed.put(parts[0], Long.parseUnsignedLong(parts[1]));
        }
        return parsed;
    }

    private static boolean gccPresent() {
        try {
            Process process = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command to completion; fails the test with its output if it exits non-zero. */
    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            long bound = EmulatedCpu.timeoutSeconds(60);
            if (!process.waitFor(bound, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in " + bound + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while running " + command[0]);
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    /** Surefire runs tests in the module directory and says so in "basedir". */
    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    }
}
