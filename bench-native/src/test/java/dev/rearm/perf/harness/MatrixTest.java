package dev.rearm.perf.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rearm.perf.testsupport.HostPrecondition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Named matrices expand to the scenarios they promise, on what this machine accepts (read from --dry-run). */
class MatrixTest {
    @BeforeAll
    static void needsWatchpoints() {
        Harness.assumeWatchpoints();
    }

    private static List<String> scenarios(String... args) {
        List<String> all = new ArrayList<>(List.of("moves"));
        all.addAll(List.of(args));
        return Harness.dryRunScenarios(all);
    }

    @Test
    void allMatrixHoldsEveryOtherMatrixsScenariosEachOnce() {
        List<String> all = scenarios("--matrix", "all", "--dry-run");

        assertThat(all).doesNotHaveDuplicates();
        for (String matrix : List.of("headline", "pages", "trap-rate", "shape", "threads", "slots", "notify")) {
            assertThat(all).as("all contains %s", matrix).containsAll(scenarios("--matrix", matrix, "--dry-run"));
        }
    }

    @Test
    void matrixListRunsTheUnionOfItsMatrices() {
        List<String> union = scenarios("--matrix", "headline,trap-rate", "--dry-run");

        assertThat(union).doesNotHaveDuplicates()
                .containsAll(scenarios("--matrix", "trap-rate", "--dry-run"))
                .containsAll(scenarios("--matrix", "headline", "--dry-run"));
    }

    @Test
    void pagesMatrixCoversEveryPowerOfTwoUpTo512ForBothStrategies() {
        List<String> pages = scenarios("--matrix", "pages", "--dry-run");

        assertThat(pages).hasSize(20);
        for (int p = 1; p <= 512; p *= 2) {
            String key = "pages=" + p + " ";
            assertThat(pages).filteredOn(line -> line.contains(key)).hasSize(2);
        }
    }

    @Test
    void shapeMatrixKeepsOnlyShapesThisCpuAccepts() {
        HostPrecondition.assume(System.getProperty("os.arch").equals("amd64"), "the accepted shapes pinned here are x86's");
        List<String> shapes = scenarios("--matrix", "shape", "--dry-run");

        assertThat(shapes).noneMatch(line -> line.contains("bpType=R "));
        assertThat(shapes).filteredOn(line -> line.contains("bpType=X ")).allMatch(line -> line.contains("bpLen=8 "));
        // W and RW at 1, 2, 4, 8 and X at 8: 9 shapes x 2 trap rates x 2 strategies
        assertThat(shapes).hasSize(36);
    }

    @Test
    void strategiesOfOneScenarioAreListedTogetherSoTheirRoundsInterleave() {
        List<String> headline = scenarios("--matrix", "headline", "--dry-run");

        assertThat(headline).hasSize(4);
        assertThat(headline.get(0)).startsWith("reopen ");
        assertThat(headline.get(1)).startsWith("modify ");
        assertThat(headline.get(0).substring("reopen ".length())).isEqualTo(headline.get(1).substring("modify ".length()));
    }
}
