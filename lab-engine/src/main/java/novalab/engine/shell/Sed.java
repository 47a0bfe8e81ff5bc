package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GNU {@code sed}, the everyday part: commands s (flags g p i N), d, p, q, Q, =, a, i, c, y; addresses
 * N, $, /re/ and ranges, with !; options -n -e -E/-r -i[SUFFIX] -s. Multiple files are one stream unless -i/-s.
 */
final class Sed {
    /** A parse error; the message follows "sed: -e expression #1, char N: ". */
    private static final class Error extends RuntimeException {
        final int at;

        Error(String message, int at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    /** Line number, last line ({@code $}) or regex. */
    private record Address(long line, boolean last, Pattern regex) {
        boolean matches(long n, boolean isLast, String ps) {
            if (regex != null) return regex.matcher(ps).find();
            return last ? isLast : n == line;
        }
    }

    private static final class Command {
        Address a1;
        Address a2;
        boolean negate;
        char name;
        Pattern regex;
        String replacement = "";
        boolean global;
        boolean print;
        int occurrence = 1;
        String text = "";
        int exitCode;
        boolean active;
    }

    private final List<Command> commands = new ArrayList<>();
    private final boolean extended;
    private final String script;
    private int pos;

    private Sed(String script, boolean extended) {
        this.script = script;
        this.extended = extended;
    }

    static int run(Call c) {
        boolean quiet = false;
        boolean extended = false;
        boolean inPlace = false;
        boolean separate = false;
        List<String> scripts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> a = c.args;
        for (int i = 0; i < a.size(); i++) {
            String s = a.get(i);
            if (s.equals("--")) {
                files.addAll(a.subList(i + 1, a.size()));
                break;
            } else if (s.equals("-n") || s.equals("--quiet") || s.equals("--silent")) {
                quiet = true;
            } else if (s.equals("-E") || s.equals("-r") || s.equals("--regexp-extended")) {
                extended = true;
            } else if (s.equals("-s") || s.equals("--separate")) {
                separate = true;
            } else if (s.startsWith("-i") || s.startsWith("--in-place")) {
                inPlace = true;
            } else if (s.equals("-e") || s.equals("--expression")) {
                if (i + 1 >= a.size()) return c.usage(1, "option requires an argument -- 'e'");
                scripts.add(a.get(++i));
            } else if (s.startsWith("--expression=")) {
                scripts.add(s.substring(13));
            } else if (s.startsWith("-e")) {
                scripts.add(s.substring(2));
            } else if (s.startsWith("-") && s.length() > 1) {
                boolean ok = true;
                for (char ch : s.substring(1).toCharArray()) {
                    if (ch == 'n') quiet = true;
                    else if (ch == 'E' || ch == 'r') extended = true;
                    else if (ch == 's') separate = true;
                    else if (ch == 'i') inPlace = true;
                    else ok = false;
                }
                if (!ok) return c.usage(1, s.startsWith("--") ? "unrecognized option '" + s + "'" : "invalid option -- '" + s.charAt(1) + "'");
            } else {
                files.add(s);
            }
        }
        if (scripts.isEmpty()) {
            if (files.isEmpty()) {
                c.errln("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...");
                return 1;
            }
            scripts.add(files.remove(0));
        }
        Sed sed = new Sed(String.join("\n", scripts), extended);
        try {
            sed.parse();
        } catch (Error e) {
            return c.fail(1, "-e expression #1, char " + e.at + ": " + e.getMessage());
        } catch (PatternSyntaxException e) {
            return c.fail(1, "-e expression #1, char " + sed.pos + ": " + Regex.message(e));
        }
        if (inPlace) {
            if (files.isEmpty()) return c.fail(1, "no input files");
            int status = 0;
            for (String f : files) {
                String path = c.path(f);
                if (c.fs().isDirectory(path)) {
                    status = c.fail(4, "couldn't edit " + f + ": not a regular file");
                    continue;
                }
                Optional<String> text = FileCommands.read(c, f, (n, r) -> "can't read " + n + ": " + r);
                if (text.isEmpty()) {
                    status = 2;
                    continue;
                }
                StringBuilder out = new StringBuilder();
                sed.process(List.of(text.get()), quiet, out);
                String problem = Redirections.writeProblem(c.fs(), path, c.user());
                if (problem != null) {
                    status = c.fail(4, "couldn't open temporary file " + f + ": " + problem);
                    continue;
                }
                c.fs().write(path, out.toString(), 0644, c.user());
            }
            return status;
        }
        boolean[] failed = {false};
        List<Text.Source> sources = Text.inputs(c, files, (n, r) -> "can't read " + n + ": " + r, failed);
        StringBuilder out = new StringBuilder();
        List<String> texts = new ArrayList<>();
        for (Text.Source s : sources) texts.add(s.text());
        if (separate) {
            for (String t : texts) {
                if (sed.process(List.of(t), quiet, out)) break;
            }
        } else {
            sed.process(texts, quiet, out);
        }
        c.out(out.toString());
        return failed[0] ? 2 : 0;
    }

    // ---- parsing ------------------------------------------------------------------------------------

    private void parse() {
        while (true) {
            while (pos < script.length() && (Character.isWhitespace(script.charAt(pos)) || script.charAt(pos) == ';')) pos++;
            if (pos >= script.length()) return;
            if (script.charAt(pos) == '#') {
                while (pos < script.length() && script.charAt(pos) != '\n') pos++;
                continue;
            }
            Command cmd = new Command();
            cmd.a1 = address();
            if (cmd.a1 != null && pos < script.length() && script.charAt(pos) == ',') {
                pos++;
                cmd.a2 = address();
                if (cmd.a2 == null) throw new Error("unexpected `,'", pos);
            }
            skipSpaces();
            if (pos < script.length() && script.charAt(pos) == '!') {
                cmd.negate = true;
                pos++;
                skipSpaces();
            }
            if (pos >= script.length()) throw new Error("missing command", pos);
            cmd.name = script.charAt(pos++);
            switch (cmd.name) {
                case 's': substitution(cmd); break;
                case 'y': transliteration(cmd); break;
                case 'd': case 'p': case '=': case 'D': case 'P': break;
                case 'q': case 'Q': {
                    skipSpaces();
                    int s = pos;
                    while (pos < script.length() && Character.isDigit(script.charAt(pos))) pos++;
                    if (pos > s) cmd.exitCode = Integer.parseInt(script.substring(s, Math.min(pos, s + 3)));
                    break;
                }
                case 'a': case 'i': case 'c': cmd.text = text(); break;
                default: throw new Error("unknown command: `" + cmd.name + "'", pos);
            }
            commands.add(cmd);
            skipSpaces();
            if (pos < script.length() && script.charAt(pos) != ';' && script.charAt(pos) != '\n' && script.charAt(pos) != '}') {
                throw new Error("extra characters after command", pos + 1);
            }
        }
    }

    private void skipSpaces() {
        while (pos < script.length() && (script.charAt(pos) == ' ' || script.charAt(pos) == '\t')) pos++;
    }

    private Address address() {
        if (pos >= script.length()) return null;
        char ch = script.charAt(pos);
        if (Character.isDigit(ch)) {
            int s = pos;
            while (pos < script.length() && Character.isDigit(script.charAt(pos))) pos++;
            try {
                return new Address(Long.parseLong(script.substring(s, pos)), false, null);
            } catch (NumberFormatException e) {
                throw new Error("invalid line number", pos);
            }
        }
        if (ch == '$') {
            pos++;
            return new Address(0, true, null);
        }
        if (ch == '/' || ch == '\\') {
            char delim = ch == '\\' && pos + 1 < script.length() ? script.charAt(++pos) : '/';
            pos++;
            String re = delimited(delim, "unterminated address regex");
            boolean icase = false;
            if (pos < script.length() && script.charAt(pos) == 'I') {
                icase = true;
                pos++;
            }
            return new Address(0, false, Regex.compile(re, extended, icase));
        }
        return null;
    }

    /** Reads up to an unescaped delimiter; {@code \delim} becomes the delimiter itself, other escapes stay. */
    private String delimited(char delim, String unterminated) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= script.length()) throw new Error(unterminated, pos);
            char ch = script.charAt(pos);
            if (ch == '\\' && pos + 1 < script.length()) {
                char n = script.charAt(pos + 1);
                if (n == delim) sb.append(delim);
                else if (n == 'n') sb.append('\n');
                else sb.append('\\').append(n);
                pos += 2;
                continue;
            }
            if (ch == '\n' && delim != '\n') throw new Error(unterminated, pos);
            pos++;
            if (ch == delim) return sb.toString();
            sb.append(ch);
        }
    }

    private void substitution(Command cmd) {
        if (pos >= script.length()) throw new Error("unterminated `s' command", pos);
        char delim = script.charAt(pos++);
        if (delim == '\n' || delim == '\\') throw new Error("unterminated `s' command", pos);
        String re = delimited(delim, "unterminated `s' command");
        cmd.replacement = delimited(delim, "unterminated `s' command");
        boolean icase = false;
        while (pos < script.length()) {
            char f = script.charAt(pos);
            if (f == 'g') {
                cmd.global = true;
            } else if (f == 'p') {
                cmd.print = true;
            } else if (f == 'i' || f == 'I') {
                icase = true;
            } else if (Character.isDigit(f)) {
                int s = pos;
                while (pos + 1 < script.length() && Character.isDigit(script.charAt(pos + 1))) pos++;
                cmd.occurrence = Math.max(1, Integer.parseInt(script.substring(s, Math.min(pos + 1, s + 6))));
            } else if (f == ';' || f == '\n' || f == ' ' || f == '}' || f == '\t') {
                break;
            } else {
                throw new Error("unknown option to `s'", pos + 1);
            }
            pos++;
        }
        cmd.regex = Regex.compile(re, extended, icase);
    }

    private void transliteration(Command cmd) {
        if (pos >= script.length()) throw new Error("unterminated `y' command", pos);
        char delim = script.charAt(pos++);
        String from = delimited(delim, "unterminated `y' command");
        String to = delimited(delim, "unterminated `y' command");
        if (from.length() != to.length()) throw new Error("strings for `y' command are different lengths", pos);
        cmd.text = from;
        cmd.replacement = to;
    }

    private String text() {
        skipSpaces();
        if (pos < script.length() && script.charAt(pos) == '\\') {
            pos++;
            if (pos < script.length() && script.charAt(pos) == '\n') pos++;
        }
        int s = pos;
        while (pos < script.length() && script.charAt(pos) != '\n') pos++;
        return script.substring(s, pos);
    }

    // ---- running ------------------------------------------------------------------------------------

    /** Runs the script over the texts as one stream; true when q/Q stopped it. */
    private boolean process(List<String> texts, boolean quiet, StringBuilder out) {
        List<String> lines = new ArrayList<>();
        boolean endsWithNewline = true;
        for (String t : texts) {
            lines.addAll(Text.lines(t));
            if (!t.isEmpty()) endsWithNewline = t.endsWith("\n");
        }
        for (Command c : commands) c.active = false;
        for (int i = 0; i < lines.size(); i++) {
            long n = i + 1;
            boolean last = i == lines.size() - 1;
            String nl = last && !endsWithNewline ? "" : "\n";
            String ps = lines.get(i);
            boolean deleted = false;
            StringBuilder after = new StringBuilder();
            int quit = -1;
            boolean quitSilently = false;
            for (Command c : commands) {
                if (selected(c, n, last, ps) == c.negate) continue;
                switch (c.name) {
                    case 's': {
                        String r = substitute(c, ps);
                        if (r != null) {
                            ps = r;
                            if (c.print) out.append(ps).append('\n');
                        }
                        break;
                    }
                    case 'y': {
                        StringBuilder sb = new StringBuilder();
                        for (char ch : ps.toCharArray()) {
                            int k = c.text.indexOf(ch);
                            sb.append(k >= 0 ? c.replacement.charAt(k) : ch);
                        }
                        ps = sb.toString();
                        break;
                    }
                    case 'd': case 'D': deleted = true; break;
                    case 'p': case 'P': out.append(ps).append('\n'); break;
                    case '=': out.append(n).append('\n'); break;
                    case 'a': after.append(c.text).append('\n'); break;
                    case 'i': out.append(c.text).append('\n'); break;
                    case 'c':
                        if (c.a2 == null || !c.active) out.append(c.text).append('\n');
                        deleted = true;
                        break;
                    case 'q': quit = c.exitCode; break;
                    default:
                        quit = c.exitCode;
                        quitSilently = true;
                }
                if (deleted || quit >= 0) break;
            }
            if (!deleted && !quitSilently && !quiet) out.append(ps).append(nl);
            out.append(after);
            if (quit >= 0) return true;
        }
        return false;
    }

    private static boolean selected(Command c, long n, boolean last, String ps) {
        if (c.a1 == null) return true;
        if (c.a2 == null) return c.a1.matches(n, last, ps);
        if (!c.active) {
            if (!c.a1.matches(n, last, ps)) return false;
            c.active = c.a2.regex != null || (!c.a2.last && c.a2.line > n) || (c.a2.last && !last);
            return true;
        }
        if (c.a2.matches(n, last, ps) || (c.a2.regex == null && !c.a2.last && n >= c.a2.line)) c.active = false;
        return true;
    }

    /** The pattern space after s///, or null when nothing matched. */
    private static String substitute(Command c, String ps) {
        Matcher m = c.regex.matcher(ps);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        int count = 0;
        int prevEnd = -1;
        int from = 0;
        boolean replaced = false;
        while (from <= ps.length() && m.find(from)) {
            int s = m.start();
            int e = m.end();
            from = e == s ? e + 1 : e;
            if (e == s && s == prevEnd) continue;
            prevEnd = e;
            count++;
            if (count < c.occurrence) continue;
            sb.append(ps, last, s);
            appendReplacement(sb, c.replacement, m);
            last = e;
            replaced = true;
            if (!c.global) break;
        }
        if (!replaced) return null;
        sb.append(ps.substring(last));
        return sb.toString();
    }

    private static void appendReplacement(StringBuilder sb, String rep, Matcher m) {
        for (int i = 0; i < rep.length(); i++) {
            char ch = rep.charAt(i);
            if (ch == '&') {
                sb.append(m.group());
            } else if (ch == '\\' && i + 1 < rep.length()) {
                char n = rep.charAt(++i);
                if (Character.isDigit(n)) {
                    int g = n - '0';
                    if (g <= m.groupCount() && m.group(g) != null) sb.append(m.group(g));
                } else if (n == 'n') {
                    sb.append('\n');
                } else if (n == 't') {
                    sb.append('\t');
                } else {
                    sb.append(n);
                }
            } else {
                sb.append(ch);
            }
        }
    }
}
