package dev.rearm.analysis.report.doc;

import java.util.List;

/** report.md: GitHub-flavoured Markdown (pipe tables, relative image links), readable as plain text too. */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    public static String render(Document document) {
        StringBuilder out = new StringBuilder("# ").append(document.title()).append("\n\n");
        for (Block block : document.blocks()) {
            if (block instanceof Block.Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof Block.Paragraph p) {
                out.append(p.text()).append("\n\n");
            } else if (block instanceof Block.Bullets b) {
                b.items().forEach(item -> out.append("- ").append(item).append('\n'));
                out.append('\n');
            } else if (block instanceof Block.Table t) {
                row(out, t.header());
                out.append('|');
                t.header().forEach(h -> out.append("---|"));
                out.append('\n');
                t.rows().forEach(r -> row(out, r));
                out.append('\n');
            } else if (block instanceof Block.Image i) {
                out.append("![").append(i.alt()).append("](").append(i.path()).append(")\n\n")
                        .append('*').append(i.caption()).append("*\n\n");
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        out.append('\n');
    }
}
