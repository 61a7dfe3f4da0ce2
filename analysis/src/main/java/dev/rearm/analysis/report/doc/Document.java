package dev.rearm.analysis.report.doc;

import java.util.ArrayList;
import java.util.List;

/** A report in format-neutral blocks, built top to bottom. */
public final class Document {
    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public Document(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public Document heading(String text) {
        blocks.add(new Block.Heading(2, text));
        return this;
    }

    public Document subheading(String text) {
        blocks.add(new Block.Heading(3, text));
        return this;
    }

    public Document paragraph(String text) {
        blocks.add(new Block.Paragraph(text));
        return this;
    }

    public Document table(List<String> header, List<List<String>> rows) {
        blocks.add(new Block.Table(List.copyOf(header), rows.stream().map(List::copyOf).toList()));
        return this;
    }

    public Document bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Block.Bullets(List.copyOf(items)));
        }
        return this;
    }

    public Document image(String path, String alt, String caption) {
        blocks.add(new Block.Image(path, alt, caption));
        return this;
    }
}
