package dev.rearm.analysis.report.doc;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * report.html: one self-contained file (CSS inline, charts as PNG data URIs), so it opens from a
 * file or a mail attachment with no network and no folder beside it.
 */
public final class HtmlRenderer {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern EMPHASIS = Pattern.compile("\\*([^*]+)\\*");

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
                .append("</style>\n</head>\n<body>\n<h1>").append(inline(document.title())).append("</h1>\n");
        for (Block block : document.blocks()) {
            if (block instanceof Block.Heading h) {
                out.append("<h").append(h.level()).append('>').append(inline(h.text())).append("</h").append(h.level())
                        .append(">\n");
            } else if (block instanceof Block.Paragraph p) {
                out.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (block instanceof Block.Bullets b) {
                out.append("<ul>\n");
                b.items().forEach(item -> out.append("<li>").append(inline(item)).append("</li>\n"));
                out.append("</ul>\n");
            } else if (block instanceof Block.Table t) {
                out.append("<table>\n<thead><tr>");
                t.header().forEach(cell -> out.append("<th>").append(inline(cell)).append("</th>"));
                out.append("</tr></thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    out.append("<tr>");
                    row.forEach(cell -> out.append("<td>").append(inline(cell)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            } else if (block instanceof Block.Image i) {
                byte[] png = images.get(i.path());
                out.append("<figure>");
                if (png != null) {
                    out.append("<img alt=\"").append(escape(i.alt())).append("\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(png)).append("\">");
                }
                out.append("<figcaption>").append(inline(i.caption())).append("</figcaption></figure>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    /** Escapes the text, then turns `code`, **bold** and *emphasis* into tags (code first, so its stars stay). */
    static String inline(String text) {
        String escaped = escape(text);
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(escaped);
        int at = 0;
        while (code.find()) {
            out.append(marks(escaped.substring(at, code.start())));
            out.append("<code>").append(code.group(1)).append("</code>");
            at = code.end();
        }
        return out.append(marks(escaped.substring(at))).toString();
    }

    private static String marks(String text) {
        String bold = BOLD.matcher(text).replaceAll("<strong>$1</strong>");
        return EMPHASIS.matcher(bold).replaceAll("<em>$1</em>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
