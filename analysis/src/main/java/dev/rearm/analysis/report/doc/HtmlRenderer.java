package dev.rearm.analysis.report.doc;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer.Builder;

/**
 * report.html: one self-contained file (CSS inline, charts as PNG data URIs), so it opens from a
 * file or a mail attachment with no network and no folder beside it. Each block's Markdown (the
 * very text of report.md) is rendered by commonmark-java with GFM tables, so the page reads as
 * report.md does on a code-hosting site; only charts become a figure with their image inlined.
 */
public final class HtmlRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final org.commonmark.renderer.html.HtmlRenderer RENDERER = new Builder().extensions(EXTENSIONS)
            .escapeHtml(true).build();

    private static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328;
                   max-width: 1060px; margin: 2em auto; padding: 0 1.2em; line-height: 1.5; }
            h1 { font-size: 1.7em; border-bottom: 1px solid #d0d7de; padding-bottom: .3em; }
            h2 { font-size: 1.35em; border-bottom: 1px solid #d0d7de; padding-bottom: .25em; margin-top: 1.8em; }
            h3 { font-size: 1.1em; margin-top: 1.4em; }
            table { border-collapse: collapse; margin: .8em 0; font-size: .92em; display: block; overflow-x: auto; }
            th, td { border: 1px solid #d0d7de; padding: .35em .7em; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            tr:nth-child(even) td { background: #fbfcfd; }
            code { background: #eff1f3; padding: .1em .35em; border-radius: 4px; font-size: .9em; }
            figure { margin: 1em 0; }
            figure img { max-width: 100%; border: 1px solid #d0d7de; }
            figcaption { color: #59636e; font-size: .9em; font-style: italic; }
            """;

    private HtmlRenderer() {
    }

    /** @param images PNG bytes by the image path the document uses (charts/NAME.png) */
    public static String render(Document document, Map<String, byte[]> images) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n")
                .append(markdown(MarkdownRenderer.heading(1, document.title())));
        for (Block block : document.blocks()) {
            if (block instanceof Block.Image i) {
                out.append(figure(i, images.get(i.path())));
            } else {
                out.append(markdown(MarkdownRenderer.block(block)));
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String figure(Block.Image image, byte[] png) {
        StringBuilder out = new StringBuilder("<figure>");
        if (png != null) {
            out.append("<img alt=\"").append(escape(image.alt())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\">");
        }
        String caption = markdown(MarkdownText.of(image.caption())).strip();
        // One paragraph of inline content: its <p> wrapper does not belong in a figcaption.
        if (caption.startsWith("<p>") && caption.endsWith("</p>")) {
            caption = caption.substring(3, caption.length() - 4);
        }
        return out.append("<figcaption>").append(caption).append("</figcaption></figure>\n").toString();
    }

    static String markdown(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
