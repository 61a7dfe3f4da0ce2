package dev.rearm.analysis.report.doc;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Reads one text's Markdown the way GitHub shows it (tables, and strikethrough with a single
 * tilde) and writes back what a reader sees, with the marks that were applied in their source
 * form: a text whose marks were all intended comes back unchanged. Any other kind of inline node
 * (link, HTML, strikethrough, line break) is reported as a leak.
 */
final class RenderedText {
    private static final Parser GITHUB_LIKE = Parser.builder()
            .extensions(List.of(TablesExtension.create(),
                    StrikethroughExtension.builder().requireTwoTildes(false).build()))
            .build();

    final StringBuilder seen = new StringBuilder();
    final List<String> leaks = new ArrayList<>();
    /** Where each applied * or ** mark opened and closed in {@link #seen}, for word-boundary checks. */
    final List<int[]> marks = new ArrayList<>();

    static RenderedText of(String markdown) {
        RenderedText text = new RenderedText();
        Node document = GITHUB_LIKE.parse(markdown);
        Node block = document.getFirstChild();
        if (!(block instanceof Paragraph) || block.getNext() != null) {
            text.leaks.add("not one paragraph: " + block);
        } else {
            text.children(block);
        }
        return text;
    }

    private void children(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text t) {
                seen.append(t.getLiteral());
            } else if (node instanceof Code c) {
                seen.append('`').append(c.getLiteral()).append('`');
            } else if (node instanceof StrongEmphasis || node instanceof Emphasis) {
                String delimiter = node instanceof StrongEmphasis ? "**" : "*";
                int open = seen.length();
                seen.append(delimiter);
                children(node);
                seen.append(delimiter);
                marks.add(new int[] {open, seen.length()});
            } else {
                leaks.add(node.getClass().getSimpleName() + " after \"" + seen + "\"");
            }
        }
    }

    /** A mark that starts or ends inside a word: CommonMark paired stars that were not a mark. */
    List<String> marksInsideWords() {
        List<String> inside = new ArrayList<>();
        for (int[] mark : marks) {
            boolean before = mark[0] > 0 && Character.isLetterOrDigit(seen.charAt(mark[0] - 1));
            boolean after = mark[1] < seen.length() && Character.isLetterOrDigit(seen.charAt(mark[1]));
            if (before || after) {
                inside.add(seen.substring(mark[0], mark[1]));
            }
        }
        return inside;
    }
}
