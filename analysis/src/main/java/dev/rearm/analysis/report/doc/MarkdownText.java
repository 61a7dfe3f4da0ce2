package dev.rearm.analysis.report.doc;

/**
 * Turns a document text (literal text plus the three marks {@link Block} allows) into CommonMark
 * that shows exactly that text: the marks stay marks, every other Markdown-significant character
 * is backslash-escaped where a CommonMark or GitHub renderer would read it as syntax. Report text
 * quotes figures and formulas ("[K/1.25, K*1.25]", "f·T_reopen", "~4x"), so a star or an
 * underscore in it is literal unless it is written as a mark.
 *
 * <p>A mark is recognised only in its plain form: {@code `code`} (no backtick inside), and
 * {@code **bold**} or {@code *emphasis*} that open at the start of the text or after a space or an
 * opening bracket/quote, close before the end, a space or punctuation, and neither start nor end
 * with a space. Anything else ("K*1.25", "a * b") is text.
 */
public final class MarkdownText {
    private static final String OPENS_AFTER = "([{\"'—–/";
    private static final String CLOSES_BEFORE = ".,;:!?)]}\"'—–/·";

    private MarkdownText() {
    }

    /** The text as CommonMark inline content. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        append(text, out);
        return out.toString();
    }

    private static void append(String text, StringBuilder out) {
        int i = 0;
        while (i < text.length()) {
            int end = codeEnd(text, i);
            if (end > 0) {
                out.append(text, i, end);
                i = end;
                continue;
            }
            int delimiter = text.startsWith("**", i) ? 2 : text.charAt(i) == '*' ? 1 : 0;
            int close = delimiter > 0 ? markClose(text, i, delimiter) : -1;
            if (close < 0 && delimiter == 2) {
                delimiter = 1;
                close = markClose(text, i, 1);
            }
            if (close > 0) {
                String mark = text.substring(i, i + delimiter);
                out.append(mark);
                append(text.substring(i + delimiter, close), out);
                out.append(mark);
                i = close + delimiter;
                continue;
            }
            literal(text, i, out);
            i++;
        }
    }

    /** The index after a `code` span opening at {@code i}, or -1. */
    private static int codeEnd(String text, int i) {
        if (text.charAt(i) != '`') {
            return -1;
        }
        int close = text.indexOf('`', i + 1);
        return close > i + 1 ? close + 1 : -1;
    }

    /**
     * Where the mark of {@code length} stars opening at {@code i} closes, or -1 when it is no mark.
     * A mark holds no star of its own: a lone star inside ("K*1.25") would be a delimiter to CommonMark.
     */
    private static int markClose(String text, int i, int length) {
        int inside = i + length;
        boolean opens = (i == 0 || Character.isWhitespace(text.charAt(i - 1)) || OPENS_AFTER.indexOf(text.charAt(i - 1)) >= 0)
                && inside < text.length() && !Character.isWhitespace(text.charAt(inside)) && text.charAt(inside) != '*';
        int close = opens ? text.indexOf('*', inside) : -1;
        if (close < 0 || !text.startsWith("*".repeat(length), close)) {
            return -1;
        }
        int after = close + length;
        boolean closes = !Character.isWhitespace(text.charAt(close - 1))
                && (after == text.length() || Character.isWhitespace(text.charAt(after))
                        || CLOSES_BEFORE.indexOf(text.charAt(after)) >= 0);
        return closes ? close : -1;
    }

    private static void literal(String text, int i, StringBuilder out) {
        char c = text.charAt(i);
        char before = i > 0 ? text.charAt(i - 1) : ' ';
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        boolean lineStart = i == 0 || before == '\n';
        boolean escape = switch (c) {
            // $ starts GitHub math.
            case '\\', '*', '`', '$', '|' -> true;
            // HTML and autolinks open with "<" and a letter, "/", "!" or "?"; "p < 0.05" is text.
            case '<' -> Character.isLetter(after) || "/!?".indexOf(after) >= 0;
            // GitHub strikes through between single tildes; one before a word ("~10x") can open but never close.
            case '~' -> !(Character.isWhitespace(before) || i == 0) || !Character.isLetterOrDigit(after);
            // Inside a word (snake_case) an underscore never opens or closes emphasis.
            case '_' -> !(Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after));
            case ']' -> after == '(';
            case '!' -> after == '[';
            case '&' -> entityFollows(text, i);
            case '>' -> lineStart;
            // A heading, list item, setext underline or thematic break: "# ", "- ", "+ ", "---", "===".
            case '#', '-', '+', '=' -> lineStart && (Character.isWhitespace(after) || after == c);
            case '.', ')' -> orderedListMarker(text, i);
            default -> false;
        };
        if (escape) {
            out.append('\\');
        }
        out.append(c);
    }

    /** "&amp;", "&#38;": text that CommonMark would turn into a character. */
    private static boolean entityFollows(String text, int i) {
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '#')) {
            j++;
        }
        return j > i + 1 && j < text.length() && text.charAt(j) == ';';
    }

    /** "1. " or "2) " at the start of a line would start a numbered list. */
    private static boolean orderedListMarker(String text, int i) {
        int start = i;
        while (start > 0 && Character.isDigit(text.charAt(start - 1))) {
            start--;
        }
        boolean endsMarker = i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1));
        return endsMarker && start < i && (start == 0 || text.charAt(start - 1) == '\n');
    }
}
