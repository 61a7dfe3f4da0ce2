package dev.rearm.perf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rearm.perf.probe.Probe;
import dev.rearm.perf.probe.ProbeReport;
import dev.rearm.perf.probe.ProbeTable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code probe [--json] [--out FILE]}: what this machine supports, and why not. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Tries what the benchmarks need (breakpoint PMU, debug registers, the modify ioctl, "
                + "a signal per trap, breakpoint shapes) and says what works and why not.",
                "Exits 0 whenever it could report, even if the answer is 'not supported'; 2 for bad input "
                + "(including an --out that cannot be written), 1 if the probe cannot run at all."})
final class ProbeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON (the shape of a run's env.json) instead of a table.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the JSON to FILE (atomically: a temporary file renamed into place; "
                    + "missing folders are created; an existing FILE is replaced only by a complete one).")
    Path out;

    @Override
    public Integer call() {
        if (out != null) {
            checkOutIsAFilePath(out.toAbsolutePath());
        }
        ProbeReport report;
        try {
            report = new Probe().run();
        } catch (LinkageError e) {
            // JNA unpacks its native part into a temporary folder: a noexec /tmp or a file-size
            // limit stops it before any check can run, and the probe has nothing to report.
            spec.commandLine().getErr().println(spec.qualifiedName() + ": cannot load JNA's native library, so "
                    + "nothing can be probed: " + e.getMessage() + " (if the temporary folder is mounted noexec, "
                    + "point -Djna.tmpdir at one that is not)");
            return CommandLine.ExitCode.SOFTWARE;
        }
        String jsonText = jsonOf(report);
        if (out != null) {
            // Written before anything is printed: a failed write leaves one error line, no half a result.
            writeAtomically(out.toAbsolutePath(), jsonText);
        }
        System.out.print(json ? jsonText : ProbeTable.render(report));
        return CommandLine.ExitCode.OK;
    }

    private static String jsonOf(ProbeReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report)
                    + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException("the probe report cannot be written as JSON", e);
        }
    }

    /** Refuses, before probing, an --out that names a folder or lies under a file. */
    private void checkOutIsAFilePath(Path target) {
        if (Files.isDirectory(target)) {
            throw badOut(" is a folder; name a file in it, e.g. '" + out.resolve("env.json") + "'");
        }
        for (Path folder = target.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder)) {
                if (!Files.isDirectory(folder)) {
                    throw badOut(": '" + folder + "' is a file, not a folder; name a file in a folder");
                }
                return;
            }
        }
    }

    private void writeAtomically(Path target, String text) {
        Path temporary = null;
        String step = "creating its folder";
        try {
            Files.createDirectories(target.getParent());
            step = "creating a temporary file in '" + target.getParent() + "'";
            // createTempFile makes the file 0600; a run's env.json is shared like its other files (0644).
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            step = "writing the temporary file";
            Files.writeString(temporary, text);
            step = "renaming the temporary file into place";
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw badOut(" cannot be written (" + step + "): " + reason(e)
                    + "; any file already there is left as it was");
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Nothing more to do: the error that matters was already reported.
            }
        }
    }

    /** What went wrong, in words (Java's own messages are often just the path). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "'" + ((FileSystemException) e).getFile() + "' is in the way and is not a folder";
        }
        if (e instanceof NotDirectoryException) {
            return "'" + ((FileSystemException) e).getFile() + "' is not a folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private ParameterException badOut(String problem) {
        return new ParameterException(spec.commandLine(), "--out '" + out + "'" + problem);
    }
}
