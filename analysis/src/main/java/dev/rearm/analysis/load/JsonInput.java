package dev.rearm.analysis.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one JSON file of a run folder and turns every way it can be unusable (missing, empty,
 * cut short, not JSON) into one {@link BadInputException} line that names the file.
 */
final class JsonInput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonInput() {
    }

    /** @param expected what a valid file is, e.g. "the native harness's results (native.json)" */
    static JsonNode read(Path file, String expected) throws BadInputException {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": missing; expected " + expected);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BadInputException(file + ": not a readable file; expected " + expected);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + "); expected " + expected);
        }
        if (text.isBlank()) {
            throw new BadInputException(file + ": empty file; expected " + expected);
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": " + describe(e) + "; expected " + expected);
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("end-of-input")) {
            return "truncated JSON (the text ends inside a value" + at + ")";
        }
        return "not valid JSON" + at;
    }
}
