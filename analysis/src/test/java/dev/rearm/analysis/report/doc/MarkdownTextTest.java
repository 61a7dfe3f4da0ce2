package dev.rearm.analysis.report.doc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "A claim of ~Kx is read as the band [K/1.25, K*1.25] (8 for 10x). It is *reproduced* when, *not reproduced* when",
        "speedup(f) = (C_reopen + f·T_reopen) / (C_modify + f·T_modify), f = 1/trapEvery",
        "~10x when it never traps and ~4x when it always traps",
        "**native:** a trap costs ~27 µs; `perfbp-bench --matrix profiler` (p < 0.05 & q > 1)",
        "*Not measured:* native.json has no `phasesNs` for reopen.",
        "a * b ** c *d * e_ _f_ snake_case_name __init__ $x$ <b>html</b> &amp; [link](http://x) ![img](y)",
        "Chart *Speedup vs threads*: not drawn, fewer than two thread counts measured (ThreadsBenchmark).",
        "# not a heading",
        "- not a bullet",
        "1. not a list",
        "> not a quote",
        "---",
        "+ not a bullet either",
        "## not a heading either",
        "p < 0.05 and <br> and </p>",
        "back\\slash and a pipe | and an unpaired ` backtick",
        "**yes** — supported; **no** — refused (EINVAL)",
    })
    void theTextShowsAsWrittenWithOnlyItsMarksApplied(String text) {
        RenderedText rendered = RenderedText.of(MarkdownText.of(text));

        assertThat(rendered.leaks).isEmpty();
        assertThat(rendered.seen.toString()).isEqualTo(text);
        assertThat(rendered.marksInsideWords()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[K/1.25, K*1.25]", "C_reopen", "~4x", "a * b"})
    void aQuotedFormulaIsNeverAMark(String formula) {
        RenderedText rendered = RenderedText.of(MarkdownText.of("It is *reproduced* inside " + formula + " and *not* after."));

        assertThat(rendered.marks).hasSize(2);
        assertThat(rendered.seen.toString()).isEqualTo("It is *reproduced* inside " + formula + " and *not* after.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[8, 12.5]", "9.35x [9.06, 9.62]", "snake_case", "19.4 µs", "trapEvery=1 slots=2", "< 0.0001",
        "-2.9%", "+3.3%", "~10x when it never traps"})
    void plainFiguresAreLeftReadableInTheMarkdown(String text) {
        assertThat(MarkdownText.of(text)).isEqualTo(text);
    }
}
