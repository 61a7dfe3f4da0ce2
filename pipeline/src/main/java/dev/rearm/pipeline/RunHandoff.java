package dev.rearm.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the measure step (phase integration-test) tells the report step (phase verify): which
 * staging folder holds the run and where it is to be published. Written only once measuring
 * has succeeded, so a failed measure can never be published by a later verify.
 */
record RunHandoff(Path stage, Path target) {

    void writeTo(Path file) {
        Properties properties = new Properties();
        properties.setProperty("stage", stage.toString());
        properties.setProperty("target", target.toString());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "rearm: a measured run waiting for its report and publication");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static RunHandoff readFrom(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no measured run to report (" + file + " is missing): the measure step "
                    + "runs in the integration-test phase of `mvn verify`");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new RunHandoff(Path.of(properties.getProperty("stage")), Path.of(properties.getProperty("target")));
    }

    static void clear(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
