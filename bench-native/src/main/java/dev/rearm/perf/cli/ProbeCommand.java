package dev.rearm.perf.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rearm.perf.probe.Probe;
import dev.rearm.perf.probe.ProbeReport;
import dev.rearm.perf.probe.ProbeTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code probe [--json] [--out FILE]}: what this machine supports, and why not. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Tries what the benchmarks need (breakpoint PMU, debug registers, the modify ioctl, "
                + "a signal per trap, breakpoint shapes) and says what works and why not.",
                "Exits 0 whenever it could report, even if the answer is 'not supported'."})
final class ProbeCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON (the shape of a run's env.json) instead of a table.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the JSON to FILE (atomically: a temporary file renamed into place).")
    Path out;

    @Override
    public Integer call() throws IOException {
        ProbeReport report = new Probe().run();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String jsonText = mapper.writeValueAsString(report) + System.lineSeparator();
        System.out.print(json ? jsonText : ProbeTable.render(report));
        if (out != null) {
            writeAtomically(out, jsonText);
        }
        return 0;
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text);
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
