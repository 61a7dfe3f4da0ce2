package dev.rearm.analysis.report.doc;

import java.util.List;

/**
 * report.md: GitHub-flavoured Markdown (pipe tables, relative image links), readable as plain text
 * too. Every text goes through {@link MarkdownText}, so what the report quotes shows as written.
 */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    public static String render(Document document) {
        StringBuilder out = new StringBuilder(heading(1, document.title()));
        for (Block block : document.blocks()) {
            out.append(block(block));
        }
        return out.toString();
    }

    /** One block as Markdown, ending with a blank line. */
    static String block(Block block) {
        if (block instanceof Block.Heading h) {
            return heading(h.level(), h.text());
        } else if (block instanceof Block.Paragraph p) {
            return MarkdownText.of(p.text()) + "\n\n";
        } else if (block instanceof Block.Bullets b) {
            StringBuilder out = new StringBuilder();
            b.items().forEach(item -> out.append("- ").append(MarkdownText.of(item)).append('\n'));
            return out.append('\n').toString();
        } else if (block instanceof Block.Table t) {
            StringBuilder out = new StringBuilder();
            row(out, t.header());
            out.append('|');
            t.header().forEach(h -> out.append("---|"));
            out.append('\n');
            t.rows().forEach(r -> row(out, r));
            return out.append('\n').toString();
        } else if (block instanceof Block.Image i) {
            // The caption is wrapped in underscores so the stars of its own marks cannot pair with the wrapper's.
            return "![" + altText(i.alt()) + "](" + i.path() + ")\n\n_" + MarkdownText.of(i.caption()) + "_\n\n";
        }
        throw new IllegalArgumentException("unknown block " + block);
    }

    /** A heading, its text through {@link MarkdownText}, ending with a blank line. */
    static String heading(int level, String text) {
        return "#".repeat(level) + ' ' + MarkdownText.of(text) + "\n\n";
    }

    /** An image's alt text is plain text: no marks, and brackets would end it early. */
    static String altText(String alt) {
        return MarkdownText.of(alt.replace("*", "").replace("`", "")).replace("[", "\\[").replace("]", "\\]");
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(MarkdownText.of(cell.replace("\n", " "))).append(" |");
        }
        out.append('\n');
    }
}
