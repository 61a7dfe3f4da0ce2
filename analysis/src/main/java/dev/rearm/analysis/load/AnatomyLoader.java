package dev.rearm.analysis.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads native.json's "anatomy" block (written by {@code perfbp-bench trap-anatomy}, or merged
 * into the pipeline's native.json). A run without one has no anatomy; a block that is there
 * must be whole: every measured part with one positive, finite figure per round in both loops.
 */
public final class AnatomyLoader {
    private AnatomyLoader() {
    }

    /** The parts, or an empty list when the run folder's native.json has no anatomy block (or no native.json). */
    public static List<AnatomyPart> read(Path runDir) throws BadInputException {
        Path file = runDir.resolve("native.json");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return parts(file, JsonInput.read(file, "the native harness's results (native.json)").path("anatomy"));
    }

    /**
     * The parts of an anatomy block already parsed with the rest of native.json (the run loader
     * parses the file once); an empty list when {@code block} is missing.
     *
     * @param file names native.json in the error messages
     */
    static List<AnatomyPart> parts(Path file, JsonNode block) throws BadInputException {
        if (block.isMissingNode()) {
            return List.of();
        }
        JsonNode parts = block.path("parts");
        if (!parts.isArray()) {
            throw new BadInputException(file + ": anatomy.parts is '" + parts + "', expected an array of parts");
        }
        List<AnatomyPart> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(part(file + " anatomy.parts[" + i + "]", parts.get(i)));
        }
        return out;
    }

    private static AnatomyPart part(String where, JsonNode node) throws BadInputException {
        String name = node.path("part").asText("");
        String kind = node.path("kind").asText("");
        if (name.isEmpty() || !(kind.equals("watchpoint") || kind.equals("reference"))) {
            throw new BadInputException(where + ": needs 'part' (its name) and 'kind' (watchpoint or reference), got "
                    + node.path("part") + " and " + node.path("kind"));
        }
        String status = node.path("status").asText("");
        if (!status.equals("ok")) {
            return new AnatomyPart(name, kind, node.path("reason").asText("not run (no reason given)"), new double[0],
                    new double[0]);
        }
        double[] trap = JsonNumbers.positiveFigures(where + " (" + name + ")", node, "trapNsPerOp", " of ns per op");
        double[] plain = JsonNumbers.positiveFigures(where + " (" + name + ")", node, "plainNsPerOp", " of ns per op");
        if (trap.length != plain.length) {
            throw new BadInputException(where + " (" + name + "): trapNsPerOp has " + trap.length
                    + " rounds but plainNsPerOp " + plain.length + "; expected one figure per round in each");
        }
        JsonNode traps = node.path("traps");
        if (traps.path("expected").asLong(-1) != traps.path("observed").asLong(-2)) {
            throw new BadInputException(where + " (" + name + "): traps expected " + traps.path("expected")
                    + " but observed " + traps.path("observed") + "; a part whose premise failed has no figures");
        }
        return new AnatomyPart(name, kind, null, trap, plain);
    }
}
