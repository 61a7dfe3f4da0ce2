package dev.rearm.analysis.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one JSON file of a run folder and turns every way it can be unusable (missing, empty,
 * cut short, not JSON, a NaN or infinity in it) into one {@link BadInputException} line that names the file.
 */
final class JsonInput {
    // NaN and Infinity are parsed (not refused as "not valid JSON") so that JsonNumbers can name
    // the entry and field that hold them.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

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
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": " + describe(e) + "; expected " + expected);
        }
        JsonNumbers.requireFinite(file, root);
        return root;
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
