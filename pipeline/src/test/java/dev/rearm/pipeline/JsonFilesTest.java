package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
    @TempDir
    Path dir;

    @Test
    void jmhPartsAreConcatenatedInOrder() throws IOException {
        Path a = Files.writeString(dir.resolve("01.json"), "[{\"benchmark\": \"a\"}]");
        Path b = Files.writeString(dir.resolve("02.json"), "[{\"benchmark\": \"b\"}, {\"benchmark\": \"c\"}]");

        JsonNode all = JsonFiles.concatArrays(List.of(a, b));

        assertThat(all.findValuesAsText("benchmark")).containsExactly("a", "b", "c");
    }

    @Test
    void nativeMatricesMergeIntoOneFileWithTheFirstEnvAndEveryResult() throws IOException {
        Path headline = Files.writeString(dir.resolve("native-headline.json"),
                "{\"harness\": \"native\", \"env\": {\"kernel\": \"6.18\"}, \"results\": [{\"strategy\": \"modify\"}]}");
        Path pages = Files.writeString(dir.resolve("native-pages.json"),
                "{\"harness\": \"native\", \"env\": {\"kernel\": \"6.18\"}, \"results\": [{\"pages\": 8}, {\"pages\": 64}]}");

        JsonNode merged = JsonFiles.mergeNative(List.of(headline, pages));

        assertThat(merged.path("harness").asText()).isEqualTo("native");
        assertThat(merged.path("env").path("kernel").asText()).isEqualTo("6.18");
        assertThat(merged.path("results")).hasSize(3);
    }

    @Test
    void aBlockOnlyALaterMatrixWritesSurvivesTheMerge() throws IOException {
        Path all = Files.writeString(dir.resolve("native-all.json"),
                "{\"harness\": \"native\", \"command\": \"all\", \"results\": [{\"strategy\": \"modify\"}]}");
        Path profiler = Files.writeString(dir.resolve("native-profiler.json"), "{\"harness\": \"native\", \"command\": "
                + "\"profiler\", \"profiler\": {\"hardwarePmu\": {\"available\": false}}, \"results\": [{\"workload\": \"hash\"}]}");

        JsonNode merged = JsonFiles.mergeNative(List.of(all, profiler));

        assertThat(merged.path("profiler").path("hardwarePmu").path("available").isBoolean()).isTrue();
        assertThat(merged.path("command").asText()).as("the first file's fields win").isEqualTo("all");
        assertThat(merged.path("results")).hasSize(2);
    }

    @Test
    void theRoundSizeSettingsComeFromTheFirstMatrixThatMovedAWatchpointNotFromAProfilerListedFirst() throws IOException {
        Path profiler = Files.writeString(dir.resolve("native-profiler.json"), "{\"harness\": \"native\", \"settings\": "
                + "{\"roundSizing\": \"none\"}, \"results\": [{\"workload\": \"hash\"}]}");
        Path headline = Files.writeString(dir.resolve("native-headline.json"), "{\"harness\": \"native\", \"settings\": "
                + "{\"roundSizing\": \"time\", \"roundMs\": 100}, \"results\": [{\"strategy\": \"modify\"}]}");

        JsonNode merged = JsonFiles.mergeNative(List.of(profiler, headline));

        assertThat(merged.path("settings").path("roundSizing").asText()).isEqualTo("time");
        assertThat(merged.path("settings").path("roundMs").asInt()).isEqualTo(100);
        assertThat(JsonFiles.mergeNative(List.of(profiler)).path("settings").path("roundSizing").asText())
                .as("no part moved a watchpoint: the profiler's own settings stay").isEqualTo("none");
    }

    @Test
    void anAtomicWriteLeavesOnlyTheTargetFile() throws IOException {
        JsonFiles.writeAtomically(dir.resolve("run.json"), JsonFiles.MAPPER.createObjectNode().put("profile", "smoke"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("run.json"));
        }
        assertThat(JsonFiles.read(dir.resolve("run.json")).path("profile").asText()).isEqualTo("smoke");
    }
}
