package novalab.engine.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Simulates Python's {@code textwrap.wrap} and {@code textwrap.fill} with their default settings. */
final class TextWrap {
    private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
    private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
    private static final String WP = "[\\w!\"'&.,?]";
    private static final String LT = "[^\\d\\W]";
    private static final Pattern WORDSEP = Pattern.compile(
            "(" + WS + "+"
                    + "|(?<=" + WP + ")-{2,}(?=\\w)"
                    + "|" + NWS + "+?(?:"
                    + "-(?:(?<=" + LT + "{2}-)|(?<=" + LT + "-" + LT + "-))(?=" + LT + "-?" + LT + ")"
                    + "|(?=" + WS + "|\\z)"
                    + "|(?<=" + WP + ")(?=-{2,}\\w)"
                    + "))",
            Pattern.UNICODE_CHARACTER_CLASS);

    private TextWrap() {}

    static List<String> wrap(String text, int width) {
        return wrap(text, width, "", "");
    }

    /** {@code textwrap.wrap(text, width, initial_indent=..., subsequent_indent=...)}. */
    static List<String> wrap(String text, int width, String initialIndent, String subsequentIndent) {
        if (width <= 0) throw new IllegalArgumentException("invalid width " + width + " (must be > 0)");
        List<String> chunks = split(munge(text));
        Collections.reverse(chunks);
        List<String> lines = new ArrayList<>();
        while (!chunks.isEmpty()) {
            List<String> cur = new ArrayList<>();
            int curLen = 0;
            String indent = lines.isEmpty() ? initialIndent : subsequentIndent;
            int w = width - indent.length();
            if (isBlank(last(chunks)) && !lines.isEmpty()) {
                chunks.remove(chunks.size() - 1);
            }
            while (!chunks.isEmpty()) {
                int l = last(chunks).length();
                if (curLen + l <= w) {
                    cur.add(chunks.remove(chunks.size() - 1));
                    curLen += l;
                } else {
                    break;
                }
            }
            if (!chunks.isEmpty() && last(chunks).length() > w) {
                handleLongWord(chunks, cur, curLen, w);
            }
            if (!cur.isEmpty() && isBlank(cur.get(cur.size() - 1))) {
                cur.remove(cur.size() - 1);
            }
            if (!cur.isEmpty()) lines.add(indent + String.join("", cur));
        }
        return lines;
    }

    /** {@code textwrap.fill}: the wrapped lines joined by newlines. */
    static String fill(String text, int width) {
        return String.join("\n", wrap(text, width));
    }

    private static void handleLongWord(List<String> reversed, List<String> cur, int curLen, int width) {
        int spaceLeft = width < 1 ? 1 : width - curLen;
        String chunk = last(reversed);
        int end = spaceLeft;
        if (chunk.length() > spaceLeft) {
            int hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
            if (hyphen > 0 && chunk.substring(0, hyphen).chars().anyMatch(c -> c != '-')) end = hyphen + 1;
        }
        cur.add(chunk.substring(0, end));
        reversed.set(reversed.size() - 1, chunk.substring(end));
    }

    private static String last(List<String> l) {
        return l.get(l.size() - 1);
    }

    /** Python's {@code chunk.strip() == ''} for the whitespace textwrap leaves in chunks. */
    private static boolean isBlank(String s) {
        return s.chars().allMatch(c -> c == ' ');
    }

    /** expandtabs(8) then every whitespace character becomes a space. */
    private static String munge(String text) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                int n = 8 - (col % 8);
                sb.append(" ".repeat(n));
                col += n;
            } else if (c == '\n' || c == '\r') {
                sb.append(' ');
                col = 0;
            } else if (c == 0x0b || c == 0x0c) {
                sb.append(' ');
                col++;
            } else {
                sb.append(c);
                col++;
            }
        }
        return sb.toString();
    }

    /** {@code re.split(wordsep_re, text)} without the empty pieces. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORDSEP.matcher(text);
        int pos = 0;
        while (m.find()) {
            if (m.start() > pos) out.add(text.substring(pos, m.start()));
            if (!m.group(1).isEmpty()) out.add(m.group(1));
            pos = m.end();
        }
        if (pos < text.length()) out.add(text.substring(pos));
        return out;
    }
}
