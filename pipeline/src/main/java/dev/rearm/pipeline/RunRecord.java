package dev.rearm.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * run.json: how a run folder came to be, for the report and for whoever reruns it: the
 * profile, the exact Maven command, start and end times, the git commit, and every step's
 * command line (probe, each harness matrix, each JMH invocation, analysis) with its duration,
 * and {@code notRun: [{what, why, harness, commands, scenario}]} for what this machine could not
 * measure. Keys may be added, never renamed.
 */
final class RunRecord {
    static final String FILE = "run.json";

    private final ObjectNode root;

    private RunRecord(ObjectNode root) {
        this.root = root;
    }

    static RunRecord start(String profile, String mavenCommand, Path projectDir, Instant startedAt, GitState git) {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        root.put("profile", profile);
        root.put("command", mavenCommand);
        root.put("projectDir", projectDir.toString());
        root.put("startedAt", startedAt.toString());
        ObjectNode gitNode = root.putObject("git");
        gitNode.put("commit", git.commit());
        gitNode.put("dirty", git.dirty());
        root.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        root.putArray("steps");
        return new RunRecord(root);
    }

    static RunRecord readFrom(Path runFolder) {
        Path file = runFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + FILE + " in " + runFolder + ": the measure step did not finish");
        }
        return new RunRecord((ObjectNode) JsonFiles.read(file));
    }

    /** A section for one part of the pipeline's settings ({@code jmh}, {@code native}, {@code analysis}). */
    ObjectNode section(String name) {
        JsonNode existing = root.get(name);
        return existing instanceof ObjectNode node ? node : root.putObject(name);
    }

    void addStep(String name, List<String> command, Instant startedAt, Instant finishedAt, String status) {
        ObjectNode step = ((ArrayNode) root.get("steps")).addObject();
        step.put("name", name);
        ArrayNode args = step.putArray("command");
        command.forEach(args::add);
        step.put("startedAt", startedAt.toString());
        step.put("finishedAt", finishedAt.toString());
        step.put("seconds", Duration.between(startedAt, finishedAt).toMillis() / 1000.0);
        step.put("status", status);
    }

    void addSkippedStep(String name, String reason) {
        ObjectNode step = ((ArrayNode) root.get("steps")).addObject();
        step.put("name", name);
        step.put("status", "skipped");
        step.put("reason", reason);
    }

    /** One entry of {@code notRun}: what this machine could not measure, and why (the report lists them). */
    void addNotRun(NotRun entry) {
        JsonNode existing = root.get("notRun");
        ArrayNode list = existing instanceof ArrayNode array ? array : root.putArray("notRun");
        ObjectNode item = list.addObject();
        item.put("what", entry.what());
        item.put("why", entry.why());
        // The same entry as keys (docs/design.md, run.json format 2): the analysis matches these, not the wording.
        item.put("harness", entry.harness());
        ArrayNode commands = item.putArray("commands");
        entry.commands().forEach(commands::add);
        ObjectNode scenario = item.putObject("scenario");
        entry.scenario().forEach(scenario::put);
    }

    void put(String key, String value) {
        root.put(key, value);
    }

    void writeTo(Path runFolder) {
        JsonFiles.writeAtomically(runFolder.resolve(FILE), root);
    }

    JsonNode json() {
        return root;
    }
}
