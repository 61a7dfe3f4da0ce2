package dev.rearm.analysis.report.doc;

import java.util.List;

/**
 * The parts a report is made of, independent of its format, so report.md and report.html say the
 * same thing. Text is literal except for three inline marks that both renderers understand: **bold**,
 * *emphasis* and `code`, recognised only in their plain form ({@link MarkdownText} says which);
 * every other character, stars and brackets included, shows as written.
 */
public sealed interface Block {

    /** A section title; level 1 is the document title. */
    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** A table; every row has as many cells as the header. */
    record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row " + row + " does not match header " + header);
                }
            }
        }
    }

    record Bullets(List<String> items) implements Block {
    }

    /** A chart: {@code path} relative to the report (charts/NAME.png). */
    record Image(String path, String alt, String caption) implements Block {
    }
}
