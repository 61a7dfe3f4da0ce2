package dev.rearm.perf.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.Platform;
import dev.rearm.perf.cli.RearmNativeCli;
import dev.rearm.perf.testsupport.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input to {@code bench-native.jar} we tried, one row each: exit code 2 and one line
 * on stderr that names the input and what is valid, nothing on stdout, no stack trace, and an
 * existing file at {@code --out} left exactly as it was. {@code {dir}} is an empty folder,
 * {@code {file}} a regular file, {@code {keep}} an existing earlier result.
 *
 * <p>Two environments also make the probe fail (child JVMs under {@code ulimit -f}, a file-size
 * limit): the write of --out breaking off halfway, and JNA unable to unpack its native library.
 */
class ProbeBadInputTest {
    private static final String KEPT = "{\"an\": \"earlier result\"}\n";

    @TempDir
    Path temp;

    private Path dir;
    private Path file;
    private Path keep;

    @BeforeEach
    void files() throws IOException {
        dir = Files.createDirectory(temp.resolve("folder"));
        file = Files.writeString(temp.resolve("a-file"), "not a folder");
        keep = Files.writeString(temp.resolve("env.json"), KEPT);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                row("probe --bogus --out {keep}", "unknown option '--bogus'; valid: --json, --out FILE, -h/--help"),
                row("probe --jso", "unknown option '--jso'", "did you mean --json?"),
                row("probe extra", "unexpected argument 'extra'; valid: --json, --out FILE"),
                row("probe --out", "missing required parameter for option '--out' (FILE)"),
                row("probe --json --json", "option '--json' should be specified only once"),
                row("probe --out {keep} --out {dir}/b.json", "option '--out' (FILE) should be specified only once"),
                row("frob", "unknown command 'frob'; valid: commands probe, help; options -h/--help, -V/--version"),
                row("prob", "unknown command 'prob'", "did you mean probe?"),
                row("-x", "unknown option '-x'; valid: commands probe, help"),
                row("help frob", "unknown subcommand 'frob'"),
                row("", "name a command: probe"),
                row("probe --out {dir}", "--out '{dir}' is a folder; name a file in it, e.g. '{dir}/env.json'"),
                row("probe --out=", "--out '' is a folder"),
                row("probe --out {file}/env.json", "--out '{file}/env.json': '{file}' is a file, not a folder"),
                row("probe --out {file}/x/env.json", "'{file}' is a file, not a folder"),
                row("probe --out /proc/env.json", "--out '/proc/env.json' cannot be written (creating a temporary "
                        + "file in '/proc')"),
                row("probe --out /proc/rearm/env.json", "--out '/proc/rearm/env.json' cannot be written "
                        + "(creating its folder)"));
    }

    private static Arguments row(String args, String... expected) {
        return Arguments.of(args, List.of(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("badInputs")
    void badInputGetsExitTwoAndOneLineNamingItAndWhatIsValid(String args, List<String> expected) throws IOException {
        Outcome outcome = runInProcess(arguments(args));

        assertThat(outcome.exit).as(outcome.stderr).isEqualTo(2);
        assertOneLineWithoutStackTrace(outcome.stderr, expected.stream().map(this::substitute).toList());
        assertThat(outcome.stdout).as("nothing on stdout").isEmpty();
        assertKeptIntact();
    }

    @Test
    void aGoodRunReplacesTheEarlierFileWithACompleteOne() throws IOException {
        Outcome outcome = runInProcess(List.of("probe", "--out", keep.toString()));

        assertThat(outcome.exit).as(outcome.stderr).isZero();
        assertThat(new ObjectMapper().readTree(Files.readString(keep)).has("breakpointPmu")).isTrue();
        assertNoTemporaryFileLeft();
    }

    /** The real process, as a user starts it: System.exit's code, nothing but the line on stderr. */
    @Test
    void theProcessExitsTwoWithTheSameOneLine() throws IOException {
        ChildJvm.Result run = new ChildJvm().run(RearmNativeCli.class.getName(), "probe", "--bogus", "--out",
                keep.toString());

        assertThat(run.exit()).as(run::describe).isEqualTo(2);
        assertOneLineWithoutStackTrace(run.stderr(), List.of("unknown option '--bogus'"));
        assertKeptIntact();
    }

    /** A file-size limit (ulimit -f 1: 1 KiB) breaks the write off after its first KiB. */
    @Test
    void aWriteThatBreaksOffHalfwayLeavesTheEarlierFileAndNoTemporary() throws IOException {
        Path jnaLibrary = unpackJnaLibrary();
        ChildJvm.Result run = new ChildJvm().launcher(underFileSizeLimit())
                .jvmOption("-XX:-UsePerfData").jvmOption("-Djna.boot.library.path=" + jnaLibrary)
                .run(RearmNativeCli.class.getName(), "probe", "--json", "--out", keep.toString());

        assertThat(run.exit()).as(run::describe).isEqualTo(2);
        assertOneLineWithoutStackTrace(run.stderr(), List.of("--out '" + keep + "' cannot be written (writing the "
                + "temporary file): File too large; any file already there is left as it was"));
        assertThat(run.stdout()).as("no result printed when it could not be written").isEmpty();
        assertKeptIntact();
        assertNoTemporaryFileLeft();
    }

    /** The same limit stops JNA unpacking its native library (as a noexec /tmp would stop loading it). */
    @Test
    void jnaThatCannotLoadGivesOneLineAndExitOne() throws IOException {
        ChildJvm.Result run = new ChildJvm().launcher(underFileSizeLimit()).jvmOption("-XX:-UsePerfData")
                .jvmOption("-Djna.tmpdir=" + temp.resolve("jna"))
                .run(RearmNativeCli.class.getName(), "probe", "--out", keep.toString());

        assertThat(run.exit()).as(run::describe).isEqualTo(1);
        assertOneLineWithoutStackTrace(run.stderr(), List.of("cannot load JNA's native library", "jna.tmpdir"));
        assertKeptIntact();
    }

    private record Outcome(int exit, String stdout, String stderr) {
    }

    private static Outcome runInProcess(List<String> args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = RearmNativeCli.commandLine().setErr(new PrintWriter(err, true))
                    .execute(args.toArray(String[]::new));
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(originalOut);
        }
    }

    private static void assertOneLineWithoutStackTrace(String stderr, List<String> expected) {
        System.out.print("stderr: " + stderr);
        assertThat(stderr).as("one line").endsWith(System.lineSeparator())
                .satisfies(text -> assertThat(text.strip().lines().count()).as(text).isEqualTo(1))
                .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Usage:");
        expected.forEach(words -> assertThat(stderr).contains(words));
    }

    private void assertKeptIntact() throws IOException {
        assertThat(Files.readString(keep)).as("the earlier result at --out").isEqualTo(KEPT);
    }

    private void assertNoTemporaryFileLeft() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    private List<String> arguments(String args) {
        List<String> words = new ArrayList<>();
        for (String word : args.split(" ")) {
            if (!word.isEmpty()) {
                words.add(substitute(word));
            }
        }
        return words;
    }

    private String substitute(String text) {
        return text.replace("{dir}", dir.toString()).replace("{file}", file.toString())
                .replace("{keep}", keep.toString());
    }

    /** sh runs the rest ("$@", the java command) with RLIMIT_FSIZE at 1 KiB. */
    private static List<String> underFileSizeLimit() {
        return List.of("sh", "-c", "ulimit -f 1 && exec \"$@\"", "sh");
    }

    /** JNA's native library, unpacked beforehand so that the child need not write it under the limit. */
    private Path unpackJnaLibrary() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("jna-boot"));
        String resource = "/com/sun/jna/" + Platform.RESOURCE_PREFIX + "/libjnidispatch.so";
        try (InputStream library = Platform.class.getResourceAsStream(resource)) {
            assertThat(library).as(resource + " in the JNA jar").isNotNull();
            Files.copy(library, folder.resolve("libjnidispatch.so"));
        }
        return folder;
    }
}
