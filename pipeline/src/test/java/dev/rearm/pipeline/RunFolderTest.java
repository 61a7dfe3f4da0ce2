package dev.rearm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2025-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path results;

    private final RunFolder kernel = new RunFolder(DirectoryExchange.kernel(), FIXED);

    @Test
    void stageIsAnEmptyHiddenFolderBesideTheTarget() throws IOException {
        Path stage = kernel.stage(results.resolve("latest"));

        assertThat(stage.getParent()).isEqualTo(results);
        assertThat(stage.getFileName().toString()).isEqualTo(".latest-20250102-030405-678");
        assertThat(stage).isEmptyDirectory();
        assertThat(results.resolve("latest")).doesNotExist();
    }

    @Test
    void stagesStartedInTheSameMillisecondGetTheirOwnFolders() {
        Path first = kernel.stage(results.resolve("latest"));
        Path second = kernel.stage(results.resolve("latest"));

        assertThat(second).isNotEqualTo(first);
        assertThat(second).isEmptyDirectory();
    }

    @Test
    void publishingTheFirstRunRenamesTheStageIntoPlace() throws IOException {
        Path target = results.resolve("latest");
        Path stage = kernel.stage(target);
        Files.writeString(stage.resolve("jmh.json"), "[]");

        kernel.publish(stage, target);

        assertThat(target.resolve("jmh.json")).hasContent("[]");
        assertThat(stage).doesNotExist();
    }

    @Test
    void publishingReplacesTheEarlierRunWithExactlyTheNewFiles() throws IOException {
        Path target = earlierRun();
        Path stage = kernel.stage(target);
        Files.writeString(stage.resolve("jmh.json"), "new");

        kernel.publish(stage, target);

        assertThat(target.resolve("jmh.json")).hasContent("new");
        assertThat(target.resolve("only-in-earlier-run.txt")).doesNotExist();
        assertThat(siblings()).containsExactly(target);
    }

    @Test
    void aRunThatFailsBeforePublishingLeavesTheEarlierRunIntact() throws IOException {
        Path target = earlierRun();
        Path stage = kernel.stage(target);
        Files.writeString(stage.resolve("jmh.json"), "half a run");
        // the run fails here: publish is never called

        assertThat(target.resolve("jmh.json")).hasContent("old");
        assertThat(target.resolve("only-in-earlier-run.txt")).hasContent("old");
        assertThat(stage.resolve("jmh.json")).hasContent("half a run");
    }

    @Test
    void withoutTheKernelExchangeTheEarlierRunIsStillReplacedWhole() throws IOException {
        RunFolder twoRenames = new RunFolder(DirectoryExchange.unsupported(), FIXED);
        Path target = earlierRun();
        Path stage = twoRenames.stage(target);
        Files.writeString(stage.resolve("jmh.json"), "new");

        twoRenames.publish(stage, target);

        assertThat(target.resolve("jmh.json")).hasContent("new");
        assertThat(target.resolve("only-in-earlier-run.txt")).doesNotExist();
        assertThat(siblings()).containsExactly(target);
    }

    @Test
    void whenTheSecondRenameFailsTheEarlierRunIsPutBack() throws IOException {
        Path target = earlierRun();
        Path stage = new RunFolder(DirectoryExchange.unsupported(), FIXED).stage(target);
        // An exchange that cannot swap, called after the stage vanished (deleted by hand mid-publish):
        // the fallback's second rename then fails.
        RunFolder vanishing = new RunFolder((a, b) -> {
            RunFolder.deleteTree(a);
            return false;
        }, FIXED);

        assertThatThrownBy(() -> vanishing.publish(stage, target)).hasMessageContaining("cannot publish");

        assertThat(target.resolve("jmh.json")).hasContent("old");
        assertThat(siblings()).containsExactly(target);
    }

    @Test
    void publishRefusesToReplaceAFile() throws IOException {
        Path target = Files.writeString(results.resolve("latest"), "not a folder");
        Path stage = kernel.stage(target);

        assertThatThrownBy(() -> kernel.publish(stage, target)).hasMessageContaining("is not a folder");
        assertThat(target).hasContent("not a folder");
    }

    @Test
    void publishRefusesAStageThatIsNotBesideTheTarget() throws IOException {
        Path stage = Files.createDirectories(results.resolve("elsewhere/.latest-x"));

        assertThatThrownBy(() -> kernel.publish(stage, results.resolve("latest")))
                .hasMessageContaining("is not beside");
    }

    private Path earlierRun() throws IOException {
        Path target = Files.createDirectories(results.resolve("latest"));
        Files.writeString(target.resolve("jmh.json"), "old");
        Files.writeString(target.resolve("only-in-earlier-run.txt"), "old");
        return target;
    }

    private List<Path> siblings() throws IOException {
        try (Stream<Path> entries = Files.list(results)) {
            return entries.toList();
        }
    }
}
