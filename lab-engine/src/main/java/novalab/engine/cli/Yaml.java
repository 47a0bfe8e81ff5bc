package novalab.engine.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Simulates PyYAML's {@code yaml.safe_dump(data, default_flow_style=False)}: block style, sorted mapping keys,
 * the resolver's quoting of strings that would read back as other types, and line folding at 80 columns.
 */
public final class Yaml {
    private static final int BEST_INDENT = 2;
    private static final int BEST_WIDTH = 80;

    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
                    + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    private Yaml() {}

    /** {@code yaml.safe_dump(value, default_flow_style=False)}. */
    public static String safeDump(Object value) {
        Emitter e = new Emitter();
        e.node(represent(value), true, false, false, false);
        e.writeIndent(); // document end
        return e.out.toString();
    }

    // ----- representation (SafeRepresenter) -----

    private sealed interface Node permits Scalar, Seq, MapNode {}

    /** A scalar; {@code plainImplicit} is true when reading the plain text back gives the same type. */
    private record Scalar(String value, boolean plainImplicit) implements Node {}

    private record Seq(List<Node> items) implements Node {}

    private record MapNode(List<Node[]> pairs) implements Node {}

    private static Node represent(Object v) {
        if (v instanceof Cell.Formatted f) return represent(f.machine());
        if (Py.isNone(v)) return new Scalar("null", true);
        if (v instanceof Boolean b) return new Scalar(b ? "true" : "false", true);
        if (Py.isInt(v)) return new Scalar(v.toString(), true);
        if (Py.isFloat(v)) return new Scalar(floatText(((Number) v).doubleValue()), true);
        if (v instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (entries.stream().allMatch(e -> e.getKey() instanceof String)) {
                entries.sort(Comparator.comparing(e -> (String) e.getKey()));
            }
            List<Node[]> pairs = new ArrayList<>();
            for (Map.Entry<?, ?> e : entries) pairs.add(new Node[] {represent(e.getKey()), represent(e.getValue())});
            return new MapNode(pairs);
        }
        if (v instanceof Collection<?> c) return new Seq(c.stream().map(Yaml::represent).toList());
        String s = v.toString();
        return new Scalar(s, resolvesToString(s));
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) return ".nan";
        if (Double.isInfinite(d)) return d > 0 ? ".inf" : "-.inf";
        String r = Py.floatRepr(d).toLowerCase();
        if (!r.contains(".") && r.contains("e")) r = r.replaceFirst("e", ".0e");
        return r;
    }

    /** True when PyYAML's implicit resolvers would read {@code s} back as a plain string. */
    static boolean resolvesToString(String s) {
        if (s.isEmpty()) return false; // null
        char c = s.charAt(0);
        if ("yYnNtTfFoO".indexOf(c) >= 0 && BOOL.matcher(s).matches()) return false;
        if ("-+0123456789.".indexOf(c) >= 0 && FLOAT.matcher(s).matches()) return false;
        if ("-+0123456789".indexOf(c) >= 0 && INT.matcher(s).matches()) return false;
        if (s.equals("<<") || s.equals("=")) return false;
        if ("~nN".indexOf(c) >= 0 && NULL.matcher(s).matches()) return false;
        return !("0123456789".indexOf(c) >= 0 && TIMESTAMP.matcher(s).matches());
    }

    // ----- emission (yaml.emitter.Emitter, block style only; empty collections in flow style) -----

    private record Analysis(boolean empty, boolean multiline, boolean allowBlockPlain, boolean allowSingleQuoted) {}

    private static final class Emitter {
        final StringBuilder out = new StringBuilder();
        final Deque<Integer> indents = new ArrayDeque<>();
        Integer indent = null;
        int column = 0;
        boolean whitespace = true;
        boolean indention = true;
        boolean mappingContext;
        boolean simpleKeyContext;

        void node(Node n, boolean root, boolean sequence, boolean mapping, boolean simpleKey) {
            this.mappingContext = mapping;
            this.simpleKeyContext = simpleKey;
            if (n instanceof Scalar s) {
                increaseIndent(true, false);
                scalar(s);
                popIndent();
            } else if (n instanceof Seq seq) {
                if (seq.items().isEmpty()) {
                    emptyFlow("[", "]");
                    return;
                }
                boolean indentless = mappingContext && !indention;
                increaseIndent(false, indentless);
                for (Node item : seq.items()) {
                    writeIndent();
                    writeIndicator("-", true, false, true);
                    node(item, false, true, false, false);
                }
                popIndent();
            } else if (n instanceof MapNode map) {
                if (map.pairs().isEmpty()) {
                    emptyFlow("{", "}");
                    return;
                }
                increaseIndent(false, false);
                for (Node[] pair : map.pairs()) {
                    writeIndent();
                    if (isSimpleKey(pair[0])) {
                        node(pair[0], false, false, true, true);
                        writeIndicator(":", false, false, false);
                        node(pair[1], false, false, true, false);
                    } else {
                        writeIndicator("?", true, false, true);
                        node(pair[0], false, false, true, false);
                        writeIndent();
                        writeIndicator(":", true, false, true);
                        node(pair[1], false, false, true, false);
                    }
                }
                popIndent();
            }
        }

        private void emptyFlow(String open, String close) {
            writeIndicator(open, true, true, false);
            increaseIndent(true, false);
            popIndent();
            writeIndicator(close, false, false, false);
        }

        private boolean isSimpleKey(Node key) {
            if (key instanceof Scalar s) {
                Analysis a = analyze(s.value());
                return s.value().codePointCount(0, s.value().length()) < 128 && !a.empty() && !a.multiline();
            }
            if (key instanceof Seq seq) return seq.items().isEmpty();
            return key instanceof MapNode m && m.pairs().isEmpty();
        }

        /** ArrayDeque cannot hold null, so {@code NO_INDENT} stands for Python's {@code None} on the stack. */
        private static final int NO_INDENT = Integer.MIN_VALUE;

        private void increaseIndent(boolean flow, boolean indentless) {
            indents.push(indent == null ? NO_INDENT : indent);
            if (indent == null) {
                indent = flow ? BEST_INDENT : 0;
            } else if (!indentless) {
                indent += BEST_INDENT;
            }
        }

        private void popIndent() {
            int previous = indents.pop();
            indent = previous == NO_INDENT ? null : previous;
        }

        private void scalar(Scalar s) {
            Analysis a = analyze(s.value());
            boolean split = !simpleKeyContext;
            if (s.plainImplicit() && !(simpleKeyContext && (a.empty() || a.multiline())) && a.allowBlockPlain()) {
                writePlain(s.value(), split);
            } else if (a.allowSingleQuoted() && !(simpleKeyContext && a.multiline())) {
                writeSingleQuoted(s.value(), split);
            } else {
                writeDoubleQuoted(s.value(), split);
            }
        }

        void writeIndicator(String indicator, boolean needWhitespace, boolean ws, boolean indentionFlag) {
            String data = whitespace || !needWhitespace ? indicator : " " + indicator;
            whitespace = ws;
            indention = indention && indentionFlag;
            column += data.length();
            out.append(data);
        }

        void writeIndent() {
            int ind = indent == null ? 0 : indent;
            if (!indention || column > ind || (column == ind && !whitespace)) writeLineBreak();
            if (column < ind) {
                whitespace = true;
                out.append(" ".repeat(ind - column));
                column = ind;
            }
        }

        private void writeLineBreak() {
            writeLineBreak('\n');
        }

        private void writeLineBreak(int data) {
            whitespace = true;
            indention = true;
            column = 0;
            out.appendCodePoint(data);
        }

        private void writeText(int[] text, int start, int end) {
            out.append(new String(text, start, end - start));
            column += end - start;
        }

        private static boolean isBreak(int ch) {
            return ch == '\n' || ch == 0x85 || ch == 0x2028 || ch == 0x2029;
        }

        private void writeLineBreaks(int[] text, int start, int end) {
            if (text[start] == '\n') writeLineBreak();
            for (int i = start; i < end; i++) writeLineBreak(text[i]);
        }

        void writePlain(String value, boolean split) {
            int[] text = value.codePoints().toArray();
            if (text.length == 0) return;
            if (!whitespace) {
                out.append(' ');
                column++;
            }
            whitespace = false;
            indention = false;
            boolean spaces = false;
            boolean breaks = false;
            int start = 0;
            for (int end = 0; end <= text.length; end++) {
                int ch = end < text.length ? text[end] : -1;
                if (spaces) {
                    if (ch != ' ') {
                        if (start + 1 == end && column > BEST_WIDTH && split) {
                            writeIndent();
                            whitespace = false;
                            indention = false;
                        } else {
                            writeText(text, start, end);
                        }
                        start = end;
                    }
                } else if (breaks) {
                    if (!isBreak(ch)) {
                        writeLineBreaks(text, start, end);
                        writeIndent();
                        whitespace = false;
                        indention = false;
                        start = end;
                    }
                } else if (ch == -1 || ch == ' ' || isBreak(ch)) {
                    writeText(text, start, end);
                    start = end;
                }
                if (ch != -1) {
                    spaces = ch == ' ';
                    breaks = isBreak(ch);
                }
            }
        }

        void writeSingleQuoted(String value, boolean split) {
            int[] text = value.codePoints().toArray();
            writeIndicator("'", true, false, false);
            boolean spaces = false;
            boolean breaks = false;
            int start = 0;
            for (int end = 0; end <= text.length; end++) {
                int ch = end < text.length ? text[end] : -1;
                if (spaces) {
                    if (ch != ' ') {
                        if (start + 1 == end && column > BEST_WIDTH && split && start != 0 && end != text.length) {
                            writeIndent();
                        } else {
                            writeText(text, start, end);
                        }
                        start = end;
                    }
                } else if (breaks) {
                    if (!isBreak(ch)) {
                        writeLineBreaks(text, start, end);
                        writeIndent();
                        start = end;
                    }
                } else if (ch == -1 || ch == ' ' || isBreak(ch) || ch == '\'') {
                    if (start < end) {
                        writeText(text, start, end);
                        start = end;
                    }
                }
                if (ch == '\'') {
                    out.append("''");
                    column += 2;
                    start = end + 1;
                }
                if (ch != -1) {
                    spaces = ch == ' ';
                    breaks = isBreak(ch);
                }
            }
            writeIndicator("'", false, false, false);
        }

        void writeDoubleQuoted(String value, boolean split) {
            int[] text = value.codePoints().toArray();
            writeIndicator("\"", true, false, false);
            int start = 0;
            for (int end = 0; end <= text.length; end++) {
                int ch = end < text.length ? text[end] : -1;
                if (ch == -1 || ch == '"' || ch == '\\' || ch == 0x85 || ch == 0x2028 || ch == 0x2029
                        || ch == 0xFEFF || !(ch >= 0x20 && ch <= 0x7E)) {
                    if (start < end) {
                        writeText(text, start, end);
                        start = end;
                    }
                    if (ch != -1) {
                        String data = "\\" + escape(ch);
                        out.append(data);
                        column += data.length();
                        start = end + 1;
                    }
                }
                if (0 < end && end < text.length - 1 && (ch == ' ' || start >= end)
                        && column + (end - start) > BEST_WIDTH && split) {
                    String data = (start < end ? new String(text, start, end - start) : "") + "\\";
                    if (start < end) start = end;
                    out.append(data);
                    column += data.length();
                    writeIndent();
                    whitespace = false;
                    indention = false;
                    if (text[start] == ' ') {
                        out.append('\\');
                        column += 1;
                    }
                }
            }
            writeIndicator("\"", false, false, false);
        }

        private static String escape(int ch) {
            return switch (ch) {
                case 0 -> "0";
                case 0x07 -> "a";
                case 0x08 -> "b";
                case 0x09 -> "t";
                case 0x0A -> "n";
                case 0x0B -> "v";
                case 0x0C -> "f";
                case 0x0D -> "r";
                case 0x1B -> "e";
                case '"' -> "\"";
                case '\\' -> "\\";
                case 0x85 -> "N";
                case 0xA0 -> "_";
                case 0x2028 -> "L";
                case 0x2029 -> "P";
                default -> ch <= 0xFF ? String.format("x%02X", ch)
                        : ch <= 0xFFFF ? String.format("u%04X", ch) : String.format("U%08X", ch);
            };
        }
    }

    /** yaml.emitter.Emitter.analyze_scalar with allow_unicode off, reduced to what block style needs. */
    private static Analysis analyze(String value) {
        int[] s = value.codePoints().toArray();
        if (s.length == 0) return new Analysis(true, false, true, true);
        boolean blockIndicators = false;
        boolean lineBreaks = false;
        boolean special = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        if (value.startsWith("---") || value.startsWith("...")) blockIndicators = true;
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = s.length == 1 || isWs(s[1]);
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int index = 0; index < s.length; index++) {
            int ch = s[index];
            if (index == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) blockIndicators = true;
                if ((ch == '?' || ch == ':') && followedByWhitespace) blockIndicators = true;
                if (ch == '-' && followedByWhitespace) blockIndicators = true;
            } else {
                if (ch == ':' && followedByWhitespace) blockIndicators = true;
                if (ch == '#' && precededByWhitespace) blockIndicators = true;
            }
            if (Emitter.isBreak(ch)) lineBreaks = true;
            if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E))) special = true; // allow_unicode=False
            if (ch == ' ') {
                if (index == 0) leadingSpace = true;
                if (index == s.length - 1) trailingSpace = true;
                if (previousBreak) breakSpace = true;
                previousSpace = true;
                previousBreak = false;
            } else if (Emitter.isBreak(ch)) {
                if (index == 0) leadingBreak = true;
                if (index == s.length - 1) trailingBreak = true;
                if (previousSpace) spaceBreak = true;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isWs(ch);
            followedByWhitespace = index + 2 >= s.length || isWs(s[index + 2]);
        }
        boolean allowBlockPlain = true;
        boolean allowSingleQuoted = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowBlockPlain = false;
        if (breakSpace) allowBlockPlain = allowSingleQuoted = false;
        if (spaceBreak || special) allowBlockPlain = allowSingleQuoted = false;
        if (lineBreaks) allowBlockPlain = false;
        if (blockIndicators) allowBlockPlain = false;
        return new Analysis(false, lineBreaks, allowBlockPlain, allowSingleQuoted);
    }

    private static boolean isWs(int ch) {
        return ch == 0 || ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == 0x85 || ch == 0x2028
                || ch == 0x2029;
    }
}
