package novalab.engine.shell;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * POSIX regular expressions (basic, as grep and sed default to, or extended with -E) translated to Java
 * patterns, and GNU's words for the ones that do not compile.
 */
final class Regex {
    private Regex() { }

    static Pattern compile(String posix, boolean extended, boolean ignoreCase) {
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return Pattern.compile(translate(posix, extended), flags);
    }

    /** GNU grep/sed's message for a pattern Java rejects. */
    static String message(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.contains("Unclosed character class")) return "Unmatched [, [^, [:, [., or [=";
        if (d.contains("Unclosed group")) return "Unmatched ( or \\(";
        if (d.contains("Unmatched closing")) return "Unmatched ) or \\)";
        if (d.contains("Dangling meta") || d.contains("Illegal repetition")) return "Invalid preceding regular expression";
        if (d.contains("Unclosed counted closure") || d.contains("Illegal repetition range")) return "Unmatched \\{";
        return "Invalid regular expression";
    }

    static String translate(String p, boolean ere) {
        StringBuilder re = new StringBuilder();
        int n = p.length();
        int i = 0;
        while (i < n) {
            char c = p.charAt(i);
            boolean atStart = re.length() == 0 || endsWithAny(re, "(", "|", "^");
            if (c == '\\' && i + 1 < n) {
                char e = p.charAt(i + 1);
                i += 2;
                if (!ere && "(){}|+?".indexOf(e) >= 0) re.append(e);
                else if (e == '<') re.append("\\b(?=\\w)");
                else if (e == '>') re.append("\\b(?<=\\w)");
                else if ("wWsSbB".indexOf(e) >= 0) re.append('\\').append(e);
                else if (Character.isDigit(e)) re.append('\\').append(e);
                else if (e == 'n') re.append("\\n");
                else if (e == 't') re.append("\\t");
                else literal(re, e);
            } else if (c == '\\') {
                re.append("\\\\");
                i++;
            } else if (c == '[') {
                int close = bracketEnd(p, i);
                if (close < 0) throw new PatternSyntaxException("Unclosed character class", p, i);
                re.append(Glob.bracket(p.substring(i + 1, close)));
                i = close + 1;
            } else if (!ere && "(){}|+?".indexOf(c) >= 0) {
                literal(re, c);
                i++;
            } else if (c == '*' && atStart) {
                re.append("\\*");
                i++;
            } else if (c == '{' && ere && !validInterval(p, i)) {
                re.append("\\{");
                i++;
            } else if (c == '^') {
                re.append(ere || i == 0 || p.charAt(i - 1) == '(' ? "^" : "\\^");
                i++;
            } else if (c == '$') {
                re.append(ere || i == n - 1 || p.startsWith("\\)", i + 1) || p.startsWith("\\|", i + 1) ? "$" : "\\$");
                i++;
            } else {
                re.append(c);
                i++;
            }
        }
        return re.toString();
    }

    private static boolean endsWithAny(StringBuilder sb, String... tails) {
        for (String t : tails) {
            if (sb.length() >= t.length() && sb.substring(sb.length() - t.length()).equals(t)
                    && (sb.length() == t.length() || sb.charAt(sb.length() - t.length() - 1) != '\\')) return true;
        }
        return false;
    }

    private static boolean validInterval(String p, int open) {
        int close = p.indexOf('}', open);
        if (close < 0) return false;
        String body = p.substring(open + 1, close);
        return !body.isEmpty() && body.matches("\\d*(,\\d*)?") && !body.equals(",");
    }

    private static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') i++;
        if (i < p.length() && p.charAt(i) == ']') i++;
        while (i < p.length()) {
            if (p.startsWith("[:", i) || p.startsWith("[.", i) || p.startsWith("[=", i)) {
                int e = p.indexOf(p.charAt(i + 1) + "]", i + 2);
                if (e > 0) {
                    i = e + 2;
                    continue;
                }
            }
            if (p.charAt(i) == ']') return i;
            i++;
        }
        return -1;
    }

    private static void literal(StringBuilder re, char c) {
        if (Character.isLetterOrDigit(c) || c == ' ' || c >= 0x80) re.append(c);
        else re.append('\\').append(c);
    }
}
