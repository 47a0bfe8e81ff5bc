package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import novalab.engine.shell.Cmd.Assign;
import novalab.engine.shell.Cmd.HereDoc;
import novalab.engine.shell.Cmd.Redir;
import novalab.engine.shell.Word.Part;

/**
 * Reads bash syntax, one complete command (up to an unquoted newline) at a time, the way bash reads an
 * interactive line: quotes, escapes, expansions, operators, redirections, here-documents and the
 * compound commands {@code for}, {@code if}, {@code while}/{@code until}, {@code { }}, {@code ( )},
 * {@code (( ))}, {@code [[ ]]} and functions. A hand-written scanner: no regular expressions.
 */
final class Parser {
    /** bash's "syntax error near unexpected token `X'" (or another fixed message). */
    static final class SyntaxError extends RuntimeException {
        final int pos;

        SyntaxError(String message, int pos) {
            super(message, null, false, false);
            this.pos = pos;
        }
    }

    /** The input ended inside a construct; {@code matching} is the awaited quote or bracket, or "" for any. */
    static final class Incomplete extends RuntimeException {
        final String matching;

        Incomplete(String matching) {
            super(matching, null, false, false);
            this.matching = matching;
        }
    }

    private static final int MAX_NESTING = 160;
    private static final Set<String> CLOSERS = Set.of("then", "else", "elif", "fi", "do", "done", "}", "esac");
    private static final String[] RESERVED = {"if", "then", "else", "elif", "fi", "for", "do", "done", "while", "until",
        "{", "}", "!", "[[", "case", "esac", "function"};
    private static final String[] PARAM_OPS = {":-", ":=", ":+", ":?", "##", "%%", "-", "=", "+", "?", "#", "%"};
    private static final String[] OPERATORS = {";;", "&&", "||", "|&", ">>", "<<", "&>", ">&", "<&", ";", "&", "|", "(", ")", "<", ">"};

    private static final int MAX_ALIAS_GROWTH = 100_000;

    private String src;
    private int len;
    private final boolean strict;
    private final java.util.function.Function<String, String> aliases;
    private final java.util.Set<String> expandingAliases = new java.util.HashSet<>();
    private int pos;
    private int nesting;
    private final List<HereDoc> pending = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** {@code strict}: a trailing backslash or an unfinished here-document means "needs more lines" (for isComplete). */
    Parser(String src, boolean strict) {
        this(src, strict, 0, name -> null);
    }

    /** A parser that expands aliases ({@code aliases} maps a name to its text, or null) in command position. */
    Parser(String src, boolean strict, java.util.function.Function<String, String> aliases) {
        this(src, strict, 0, aliases);
    }

    private Parser(String src, boolean strict, int nesting) {
        this(src, strict, nesting, name -> null);
    }

    private Parser(String src, boolean strict, int nesting, java.util.function.Function<String, String> aliases) {
        this.src = src;
        this.len = src.length();
        this.strict = strict;
        this.nesting = nesting;
        this.aliases = aliases;
    }

    /** Parses the whole text as one list (for backquotes and {@code eval}-like uses). */
    Cmd parseAll() {
        List<Cmd> items = new ArrayList<>();
        for (Optional<Cmd> c = next(); c.isPresent(); c = next()) items.add(c.get());
        return items.size() == 1 ? items.get(0) : new Cmd.Sequence(items);
    }

    /** The next complete command, or empty at the end of the text. */
    Optional<Cmd> next() {
        skipLinebreaks();
        if (eof()) {
            finishHeredocsAtEof();
            return Optional.empty();
        }
        Cmd c = parseList(false, Set.of(), false);
        if (!eof() && peek() == '\n') newline();
        if (eof()) finishHeredocsAtEof();
        return Optional.of(c);
    }

    /** Warnings collected so far (unterminated here-documents), then forgotten. */
    List<String> drainWarnings() {
        List<String> w = List.copyOf(warnings);
        warnings.clear();
        return w;
    }

    /** 1-based line number of a position in the text. */
    int lineOf(int p) {
        int line = 1;
        for (int i = 0; i < p && i < len; i++) if (src.charAt(i) == '\n') line++;
        return line;
    }

    /** The text of the line containing a position. */
    String lineText(int p) {
        int q = Math.min(p, len);
        int s = src.lastIndexOf('\n', q - 1) + 1;
        int e = src.indexOf('\n', q);
        return src.substring(s, e < 0 ? len : e);
    }

    static boolean isName(String s) {
        if (s == null || s.isEmpty() || !isNameStart(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) if (!isNameChar(s.charAt(i))) return false;
        return true;
    }

    // ---- lists and commands -------------------------------------------------------------------

    private Cmd parseList(boolean multiline, Set<String> closers, boolean closeParen) {
        boolean caseItem = closers.contains(";;");
        List<Cmd> items = new ArrayList<>();
        while (true) {
            if (multiline) skipLinebreaks();
            else skipBlanksAndComment();
            if (eof()) {
                if (multiline) throw new Incomplete("");
                break;
            }
            char c = peek();
            if (caseItem && startsWith(";;")) break;
            if (c == '\n') break;
            if (c == ')') {
                if (closeParen) break;
                throw syntax(")");
            }
            String kw = reservedAt();
            if (kw != null && closers.contains(kw)) break;
            if (kw != null && CLOSERS.contains(kw)) throw syntax(kw);
            items.add(parseAndOr());
            skipBlanks();
            if (eof()) continue;
            c = peek();
            if (c == ';' && !startsWith(";;")) {
                pos++;
            } else if (caseItem && startsWith(";;")) {
                // the loop decides
            } else if (c == '&' && !startsWith("&&")) {
                pos++;
            } else if (c == '\n' || c == ')' || c == '#') {
                // the loop decides
            } else {
                throw syntax(tokenAt());
            }
        }
        if (items.isEmpty() && !caseItem) throw syntax(tokenAt());
        return items.size() == 1 ? items.get(0) : new Cmd.Sequence(items);
    }

    private Cmd parseAndOr() {
        Cmd first = parsePipeline();
        List<String> ops = new ArrayList<>();
        List<Cmd> rest = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (!startsWith("&&") && !startsWith("||")) break;
            ops.add(src.substring(pos, pos + 2));
            pos += 2;
            skipLinebreaks();
            if (eof()) throw new Incomplete("");
            rest.add(parsePipeline());
        }
        return ops.isEmpty() ? first : new Cmd.AndOr(first, ops, rest);
    }

    private Cmd parsePipeline() {
        skipBlanks();
        boolean negate = false;
        if ("!".equals(reservedAt())) {
            pos++;
            negate = true;
            skipBlanks();
            if (eof() || peek() == '\n' || peek() == ';') {
                return new Cmd.Pipeline(List.of(new Cmd.Simple(List.of(), List.of(), List.of())), true);
            }
        }
        List<Cmd> stages = new ArrayList<>();
        stages.add(parseCommand());
        while (true) {
            skipBlanks();
            if (eof() || peek() != '|' || startsWith("||")) break;
            pos++;
            if (!eof() && peek() == '&') {
                pos++;
                Cmd last = stages.remove(stages.size() - 1);
                stages.add(new Cmd.Redirected(last, List.of(new Redir(2, ">&", Word.literal("1"), null))));
            }
            skipLinebreaks();
            if (eof()) throw new Incomplete("");
            stages.add(parseCommand());
        }
        return stages.size() == 1 && !negate ? stages.get(0) : new Cmd.Pipeline(stages, negate);
    }

    private Cmd parseCommand() {
        if (++nesting > MAX_NESTING) throw syntax(tokenAt());
        try {
            skipBlanks();
            if (eof()) throw new Incomplete("");
            char c = peek();
            if (c == '(') {
                if (startsWith("((")) return withRedirs(new Cmd.ArithCmd(parseArithText(pos + 2)));
                pos++;
                Cmd body = parseList(true, Set.of(), true);
                pos++;
                return withRedirs(new Cmd.Group(body, true));
            }
            String kw = reservedAt();
            if (kw != null) {
                switch (kw) {
                    case "{": {
                        pos++;
                        Cmd body = parseList(true, Set.of("}"), false);
                        pos++;
                        return withRedirs(new Cmd.Group(body, false));
                    }
                    case "if": return parseIf();
                    case "for": return parseFor();
                    case "while": return parseLoop(false);
                    case "until": return parseLoop(true);
                    case "[[": return parseCond();
                    case "case": return parseCase();
                    case "function": return parseFunctionKeyword();
                    default:
                        if (CLOSERS.contains(kw)) throw syntax(kw);
                }
            }
            if (c == ';' || c == '&' || c == '|' || c == ')' || c == '\n') throw syntax(tokenAt());
            return parseSimple();
        } finally {
            nesting--;
        }
    }

    private Cmd withRedirs(Cmd c) {
        List<Redir> redirs = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (eof() || !atRedirect()) break;
            redirs.add(parseRedir());
        }
        return redirs.isEmpty() ? c : new Cmd.Redirected(c, redirs);
    }

    private Cmd parseIf() {
        pos += 2;
        List<Cmd> conds = new ArrayList<>();
        List<Cmd> bodies = new ArrayList<>();
        Cmd elseBody = new Cmd.Sequence(List.of());
        conds.add(parseList(true, Set.of("then"), false));
        pos += 4;
        bodies.add(parseList(true, Set.of("elif", "else", "fi"), false));
        while (true) {
            String kw = reservedAt();
            if ("elif".equals(kw)) {
                pos += 4;
                conds.add(parseList(true, Set.of("then"), false));
                pos += 4;
                bodies.add(parseList(true, Set.of("elif", "else", "fi"), false));
            } else if ("else".equals(kw)) {
                pos += 4;
                elseBody = parseList(true, Set.of("fi"), false);
                pos += 2;
                break;
            } else {
                pos += 2;
                break;
            }
        }
        return withRedirs(new Cmd.If(conds, bodies, elseBody));
    }

    private Cmd parseFor() {
        pos += 3;
        skipBlanks();
        if (eof()) throw new Incomplete("");
        if (isOperatorChar(peek())) throw syntax(tokenAt());
        int namePos = pos;
        Word nameWord = readWord();
        String name = nameWord.plainText();
        if (!isName(name)) throw new SyntaxError("`" + nameWord.raw() + "': not a valid identifier", namePos);
        skipBlanks();
        if (!eof() && peek() == ';') pos++;
        skipLinebreaks();
        boolean hasIn = false;
        List<Word> words = new ArrayList<>();
        if (keywordAt("in")) {
            pos += 2;
            hasIn = true;
            while (true) {
                skipBlanks();
                if (eof()) throw new Incomplete("");
                char c = peek();
                if (c == ';') {
                    pos++;
                    break;
                }
                if (c == '\n') break;
                if (c == '#') {
                    skipComment();
                    continue;
                }
                if (isOperatorChar(c)) throw syntax(tokenAt());
                words.add(readWord());
            }
        }
        skipLinebreaks();
        if (eof()) throw new Incomplete("");
        if (!keywordAt("do")) throw syntax(tokenAt());
        pos += 2;
        Cmd body = parseList(true, Set.of("done"), false);
        pos += 4;
        return withRedirs(new Cmd.For(name, hasIn, words, body));
    }

    private Cmd parseLoop(boolean until) {
        pos += 5;
        Cmd cond = parseList(true, Set.of("do"), false);
        pos += 2;
        Cmd body = parseList(true, Set.of("done"), false);
        pos += 4;
        return withRedirs(new Cmd.Loop(cond, body, until));
    }

    private Cmd parseCase() {
        pos += 4;
        skipBlanks();
        if (eof()) throw new Incomplete("");
        if (isOperatorChar(peek()) || peek() == '\n') throw syntax(tokenAt());
        Word subject = readWord();
        skipLinebreaks();
        if (eof()) throw new Incomplete("");
        if (!keywordAt("in")) throw syntax(tokenAt());
        pos += 2;
        List<List<Word>> patterns = new ArrayList<>();
        List<Cmd> bodies = new ArrayList<>();
        while (true) {
            skipLinebreaks();
            if (eof()) throw new Incomplete("");
            if (keywordAt("esac")) {
                pos += 4;
                break;
            }
            if (peek() == '(') pos++;
            List<Word> alternatives = new ArrayList<>();
            while (true) {
                skipBlanks();
                if (eof()) throw new Incomplete("");
                if (isOperatorChar(peek()) || peek() == '\n') throw syntax(tokenAt());
                alternatives.add(readWord());
                skipBlanks();
                if (eof()) throw new Incomplete("");
                if (peek() == '|') {
                    pos++;
                    continue;
                }
                if (peek() != ')') throw syntax(tokenAt());
                pos++;
                break;
            }
            Cmd body = parseList(true, Set.of(";;", "esac"), false);
            patterns.add(alternatives);
            bodies.add(body);
            if (startsWith(";;")) pos += 2;
        }
        return withRedirs(new Cmd.Case(subject, patterns, bodies));
    }

    private Cmd parseCond() {
        pos += 2;
        List<Word> words = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (eof()) throw new Incomplete("");
            char c = peek();
            if (c == '\n') {
                newline();
                continue;
            }
            if (startsWith("]]") && delimiterAt(pos + 2)) {
                pos += 2;
                break;
            }
            if (startsWith("&&") || startsWith("||")) {
                words.add(Word.literal(src.substring(pos, pos + 2)));
                pos += 2;
            } else if (c == '(' || c == ')' || c == '<' || c == '>') {
                words.add(Word.literal(String.valueOf(c)));
                pos++;
            } else if (c == ';' || c == '&' || c == '|') {
                throw syntax(tokenAt());
            } else {
                words.add(readWord());
            }
        }
        if (words.isEmpty()) throw syntax("]]");
        return withRedirs(new Cmd.Cond(words));
    }

    private Cmd parseFunctionKeyword() {
        pos += 8;
        skipBlanks();
        if (eof()) throw new Incomplete("");
        Word w = readWord();
        String name = w.plainText();
        if (name == null || name.isEmpty()) throw syntax(tokenAt());
        skipBlanks();
        if (startsWith("()")) pos += 2;
        return parseFunctionBody(name);
    }

    private Cmd parseFunctionBody(String name) {
        skipLinebreaks();
        if (eof()) throw new Incomplete("");
        String kw = reservedAt();
        boolean compound = peek() == '(' || "{".equals(kw) || "if".equals(kw) || "for".equals(kw)
                || "while".equals(kw) || "until".equals(kw) || "[[".equals(kw);
        if (!compound) throw syntax(tokenAt());
        return new Cmd.FunctionDef(name, parseCommand());
    }

    private Cmd parseSimple() {
        List<Assign> assigns = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redir> redirs = new ArrayList<>();
        expandingAliases.clear();
        while (true) {
            skipBlanks();
            if (eof()) break;
            char c = peek();
            if (c == '#') {
                skipComment();
                break;
            }
            if (atRedirect()) {
                redirs.add(parseRedir());
                continue;
            }
            if (c == '(') {
                if (words.size() == 1 && assigns.isEmpty() && redirs.isEmpty() && words.get(0).plainText() != null) {
                    pos++;
                    skipBlanks();
                    if (eof() || peek() != ')') throw syntax(tokenAt());
                    pos++;
                    return parseFunctionBody(words.get(0).plainText());
                }
                throw syntax("(");
            }
            if (c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') break;
            int wordStart = pos;
            Word w = readWord();
            if (words.isEmpty() && expandAlias(w, wordStart)) continue;
            if (words.isEmpty()) {
                Assign a = asAssignment(w);
                if (a != null) {
                    assigns.add(a);
                    continue;
                }
            }
            words.add(w);
        }
        if (assigns.isEmpty() && words.isEmpty() && redirs.isEmpty()) {
            if (eof()) throw new Incomplete("");
            throw syntax(tokenAt());
        }
        return new Cmd.Simple(assigns, words, redirs);
    }

    /** Replaces an alias name in command position by its text (once per name per command); true if it did. */
    private boolean expandAlias(Word w, int wordStart) {
        String name = w.plainText();
        if (name == null || expandingAliases.contains(name)) return false;
        String value = aliases.apply(name);
        if (value == null || src.length() > MAX_ALIAS_GROWTH) return false;
        expandingAliases.add(name);
        src = src.substring(0, wordStart) + value + src.substring(pos);
        len = src.length();
        pos = wordStart;
        return true;
    }

    private static Assign asAssignment(Word w) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Word.Lit first) || first.quoted()) return null;
        String text = first.text();
        int eq = text.indexOf('=');
        if (eq <= 0) return null;
        boolean append = text.charAt(eq - 1) == '+';
        String name = text.substring(0, append ? eq - 1 : eq);
        if (!isName(name)) return null;
        List<Part> value = new ArrayList<>();
        String rest = text.substring(eq + 1);
        if (rest.equals("~") && w.parts().size() == 1 || rest.startsWith("~/")) {
            value.add(new Word.Tilde());
            rest = rest.substring(1);
        }
        if (!rest.isEmpty()) value.add(new Word.Lit(rest, false));
        value.addAll(w.parts().subList(1, w.parts().size()));
        String raw = w.raw().substring(w.raw().indexOf('=') + 1);
        return new Assign(name, new Word(value, raw), append);
    }

    // ---- redirections and here-documents ---------------------------------------------------------

    private boolean atRedirect() {
        int p = pos;
        while (p < len && p - pos < 2 && Character.isDigit(src.charAt(p))) p++;
        if (p < len && (src.charAt(p) == '<' || src.charAt(p) == '>')) return true;
        return p == pos && startsWith("&>");
    }

    private Redir parseRedir() {
        int fd = -1;
        int p = pos;
        while (p < len && Character.isDigit(src.charAt(p))) p++;
        if (p > pos) {
            fd = Integer.parseInt(src.substring(pos, p));
            pos = p;
        }
        String op;
        if (startsWith("&>>")) op = "&>>";
        else if (startsWith("&>")) op = "&>";
        else if (startsWith(">>")) op = ">>";
        else if (startsWith(">&")) op = ">&";
        else if (startsWith(">|")) op = ">|";
        else if (startsWith("<<<")) op = "<<<";
        else if (startsWith("<<-")) op = "<<-";
        else if (startsWith("<<")) op = "<<";
        else if (startsWith("<&")) op = "<&";
        else if (startsWith("<>")) op = "<>";
        else op = src.substring(pos, pos + 1);
        pos += op.length();
        if (op.equals(">|")) op = ">";
        if (op.equals("<>")) op = "<";
        if (fd < 0) fd = op.startsWith("<") ? 0 : 1;
        skipBlanks();
        if (eof()) throw syntax("newline");
        if (isOperatorChar(peek()) || peek() == '\n') throw syntax(tokenAt());
        Word target = readWord();
        if (op.equals("<<") || op.equals("<<-")) {
            boolean quoted = false;
            StringBuilder delim = new StringBuilder();
            for (Part part : target.parts()) {
                if (part instanceof Word.Lit lit) {
                    delim.append(lit.text());
                    quoted |= lit.quoted();
                } else {
                    quoted = true;
                    delim.append(target.raw());
                    break;
                }
            }
            HereDoc doc = new HereDoc(delim.toString(), op.equals("<<-"), !quoted);
            pending.add(doc);
            return new Redir(0, "<<", target, doc);
        }
        return new Redir(fd, op, target, null);
    }

    private void newline() {
        pos++;
        if (!pending.isEmpty()) readHeredocs();
    }

    private void readHeredocs() {
        for (HereDoc doc : pending) {
            int start = pos;
            StringBuilder body = new StringBuilder();
            boolean found = false;
            while (pos < len) {
                int nl = src.indexOf('\n', pos);
                String line = nl < 0 ? src.substring(pos) : src.substring(pos, nl);
                pos = nl < 0 ? len : nl + 1;
                String cmp = doc.stripTabs ? stripTabs(line) : line;
                if (cmp.equals(doc.delimiter)) {
                    found = true;
                    break;
                }
                body.append(cmp).append('\n');
            }
            if (!found) eofInHeredoc(doc, start);
            doc.body = doc.expand ? new Parser(body.toString(), strict, nesting + 1).looseWord(true)
                    : new Word(List.of(new Word.Lit(body.toString(), true)), body.toString());
        }
        pending.clear();
    }

    private void finishHeredocsAtEof() {
        for (HereDoc doc : pending) eofInHeredoc(doc, pos);
        pending.clear();
    }

    private void eofInHeredoc(HereDoc doc, int at) {
        if (strict) throw new Incomplete("");
        warnings.add("warning: here-document at line " + lineOf(at) + " delimited by end-of-file (wanted `" + doc.delimiter + "')");
    }

    private static String stripTabs(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '\t') i++;
        return line.substring(i);
    }

    // ---- words ------------------------------------------------------------------------------------

    private Word readWord() {
        int start = pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        if (peek() == '~' && (pos + 1 >= len || src.charAt(pos + 1) == '/' || isMeta(src.charAt(pos + 1)))) {
            parts.add(new Word.Tilde());
            pos++;
        }
        while (pos < len) {
            char c = src.charAt(pos);
            if (isMeta(c)) break;
            switch (c) {
                case '\\':
                    if (pos + 1 >= len) {
                        if (strict) throw new Incomplete("");
                        pos++;
                        break;
                    }
                    if (src.charAt(pos + 1) == '\n') {
                        pos += 2;
                        break;
                    }
                    flush(parts, lit, false);
                    parts.add(new Word.Lit(String.valueOf(src.charAt(pos + 1)), true));
                    pos += 2;
                    break;
                case '\'': {
                    flush(parts, lit, false);
                    int end = src.indexOf('\'', pos + 1);
                    if (end < 0) throw new Incomplete("'");
                    parts.add(new Word.Lit(src.substring(pos + 1, end), true));
                    pos = end + 1;
                    break;
                }
                case '"':
                    flush(parts, lit, false);
                    pos++;
                    parseDquote(parts);
                    break;
                case '$':
                    flush(parts, lit, false);
                    pos++;
                    parseDollar(parts, false);
                    break;
                case '`':
                    flush(parts, lit, false);
                    pos++;
                    parts.add(parseBacktick(false));
                    break;
                default:
                    lit.append(c);
                    pos++;
            }
        }
        flush(parts, lit, false);
        return new Word(parts, src.substring(start, pos));
    }

    private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
        if (lit.length() > 0) {
            parts.add(new Word.Lit(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    private void parseDquote(List<Part> parts) {
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (eof()) throw new Incomplete("\"");
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            expandingChar(parts, lit, true);
        }
        parts.add(new Word.Lit(lit.toString(), true));
    }

    /**
     * One step inside double quotes or a here-document: {@code \$ \` \\} (and {@code \"} when {@code escapedQuote})
     * lose their backslash, backslash-newline joins lines, {@code $} and {@code `} expand, anything else is literal.
     */
    private void expandingChar(List<Part> parts, StringBuilder lit, boolean escapedQuote) {
        char c = src.charAt(pos);
        if (c == '\\' && pos + 1 < len) {
            char n = src.charAt(pos + 1);
            if (n == '$' || n == '`' || n == '\\' || (escapedQuote && n == '"')) {
                lit.append(n);
                pos += 2;
            } else if (n == '\n') {
                pos += 2;
            } else {
                lit.append('\\');
                pos++;
            }
        } else if (c == '$') {
            flush(parts, lit, true);
            pos++;
            parseDollar(parts, true);
        } else if (c == '`') {
            flush(parts, lit, true);
            pos++;
            parts.add(parseBacktick(true));
        } else {
            lit.append(c);
            pos++;
        }
    }

    /** A here-document body or arithmetic text: $ and ` expand, nothing splits. */
    private Word looseWord(boolean heredoc) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (pos < len) expandingChar(parts, lit, !heredoc);
        flush(parts, lit, true);
        return new Word(parts, src);
    }

    private void parseDollar(List<Part> parts, boolean quoted) {
        if (eof()) {
            parts.add(new Word.Lit("$", quoted));
            return;
        }
        if (++nesting > MAX_NESTING) throw syntax(tokenAt());
        try {
            char c = peek();
            if (c == '{') {
                pos++;
                parts.add(parseBrace(quoted));
            } else if (c == '(' && startsWith("((")) {
                parts.add(new Word.Arith(parseArithText(pos + 2), quoted));
            } else if (c == '(') {
                pos++;
                Cmd body;
                try {
                    body = parseList(true, Set.of(), true);
                } catch (Incomplete e) {
                    throw e.matching.isEmpty() ? new Incomplete(")") : e;
                }
                pos++;
                parts.add(new Word.CmdSub(body, quoted));
            } else if (c == '\'' && !quoted) {
                pos++;
                parts.add(new Word.Lit(ansiC(), true));
            } else if (c == '"' && !quoted) {
                pos++;
                parseDquote(parts);
            } else if (isNameStart(c)) {
                int s = pos;
                while (pos < len && isNameChar(src.charAt(pos))) pos++;
                parts.add(new Word.Param(src.substring(s, pos), quoted, "", Word.EMPTY));
            } else if (Character.isDigit(c) || "?$#!@*-".indexOf(c) >= 0) {
                pos++;
                parts.add(new Word.Param(String.valueOf(c), quoted, "", Word.EMPTY));
            } else {
                parts.add(new Word.Lit("$", quoted));
            }
        } finally {
            nesting--;
        }
    }

    private Part parseBrace(boolean quoted) {
        int start = pos - 2;
        if (!eof() && peek() == '#' && pos + 1 < len && src.charAt(pos + 1) != '}') {
            pos++;
            String name = readParamName();
            if (!name.isEmpty() && !eof() && peek() == '}') {
                pos++;
                return new Word.Param(name, quoted, "len", Word.EMPTY);
            }
            return bad(start);
        }
        String name = readParamName();
        if (name.isEmpty()) return bad(start);
        if (eof()) throw new Incomplete("}");
        if (peek() == '}') {
            pos++;
            return new Word.Param(name, quoted, "", Word.EMPTY);
        }
        for (String op : PARAM_OPS) {
            if (startsWith(op)) {
                pos += op.length();
                return new Word.Param(name, quoted, op, parseBraceArg(quoted));
            }
        }
        return bad(start);
    }

    private String readParamName() {
        int s = pos;
        if (eof()) return "";
        char c = peek();
        if (isNameStart(c)) {
            while (pos < len && isNameChar(src.charAt(pos))) pos++;
        } else if (Character.isDigit(c)) {
            while (pos < len && Character.isDigit(src.charAt(pos))) pos++;
        } else if ("?$#!@*-".indexOf(c) >= 0) {
            pos++;
        }
        return src.substring(s, pos);
    }

    private Part bad(int start) {
        int end = src.indexOf('}', pos);
        if (end < 0) throw new Incomplete("}");
        pos = end + 1;
        return new Word.Bad(src.substring(start, end + 1));
    }

    private Word parseBraceArg(boolean quoted) {
        int start = pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (eof()) throw new Incomplete("}");
            char c = peek();
            if (c == '}') {
                flush(parts, lit, quoted);
                String raw = src.substring(start, pos);
                pos++;
                return new Word(parts, raw);
            }
            if (c == '\\' && pos + 1 < len) {
                flush(parts, lit, quoted);
                parts.add(new Word.Lit(String.valueOf(src.charAt(pos + 1)), true));
                pos += 2;
            } else if (c == '\'' && !quoted) {
                flush(parts, lit, quoted);
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) throw new Incomplete("'");
                parts.add(new Word.Lit(src.substring(pos + 1, end), true));
                pos = end + 1;
            } else if (c == '"') {
                flush(parts, lit, quoted);
                pos++;
                parseDquote(parts);
            } else if (c == '$') {
                flush(parts, lit, quoted);
                pos++;
                parseDollar(parts, quoted);
            } else if (c == '`') {
                flush(parts, lit, quoted);
                pos++;
                parts.add(parseBacktick(quoted));
            } else {
                lit.append(c);
                pos++;
            }
        }
    }

    private Part parseBacktick(boolean quoted) {
        StringBuilder inner = new StringBuilder();
        while (true) {
            if (eof()) throw new Incomplete("`");
            char c = peek();
            if (c == '`') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < len && "$`\\".indexOf(src.charAt(pos + 1)) >= 0) {
                inner.append(src.charAt(pos + 1));
                pos += 2;
            } else {
                inner.append(c);
                pos++;
            }
        }
        if (nesting + 1 > MAX_NESTING) throw syntax("`");
        Parser sub = new Parser(inner.toString(), strict, nesting + 1);
        String text = inner.toString();
        Cmd body = text.isBlank() ? new Cmd.Sequence(List.of()) : sub.parseAll();
        return new Word.CmdSub(body, quoted);
    }

    /** Reads {@code ((expr))} or {@code $((expr))} from just after the opening parentheses. */
    private Word parseArithText(int from) {
        pos = from;
        int depth = 0;
        int start = pos;
        while (pos < len) {
            char c = src.charAt(pos);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    if (pos + 1 < len && src.charAt(pos + 1) == ')') {
                        String text = src.substring(start, pos);
                        pos += 2;
                        return new Parser(text, strict, nesting + 1).looseWord(false);
                    }
                    throw syntax(")");
                }
                depth--;
            }
            pos++;
        }
        throw new Incomplete(")");
    }

    private String ansiC() {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof()) throw new Incomplete("'");
            char c = src.charAt(pos++);
            if (c == '\'') return sb.toString();
            if (c != '\\' || eof()) {
                sb.append(c);
                continue;
            }
            char e = src.charAt(pos++);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'a': sb.append('\007'); break;
                case 'b': sb.append('\b'); break;
                case 'e': case 'E': sb.append('\033'); break;
                case 'f': sb.append('\f'); break;
                case 'v': sb.append('\013'); break;
                case 'x': {
                    int s = pos;
                    while (pos < len && pos - s < 2 && Character.digit(src.charAt(pos), 16) >= 0) pos++;
                    if (pos == s) sb.append("\\x");
                    else sb.append((char) Integer.parseInt(src.substring(s, pos), 16));
                    break;
                }
                case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                    int s = pos - 1;
                    while (pos < len && pos - s < 3 && src.charAt(pos) >= '0' && src.charAt(pos) <= '7') pos++;
                    sb.append((char) Integer.parseInt(src.substring(s, pos), 8));
                    break;
                }
                default: sb.append(e == '\'' || e == '"' || e == '\\' || e == '?' ? String.valueOf(e) : "\\" + e);
            }
        }
    }

    // ---- low-level scanning -------------------------------------------------------------------------

    private boolean eof() { return pos >= len; }

    private char peek() { return src.charAt(pos); }

    private boolean startsWith(String s) { return src.startsWith(s, pos); }

    private static boolean isBlank(char c) { return c == ' ' || c == '\t'; }

    private static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')'
                || c == '<' || c == '>';
    }

    private static boolean isOperatorChar(char c) {
        return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

    private boolean delimiterAt(int p) { return p >= len || isMeta(src.charAt(p)); }

    private boolean keywordAt(String w) { return startsWith(w) && delimiterAt(pos + w.length()); }

    /** The reserved word at the current position, if the text there is one. */
    private String reservedAt() {
        if (eof()) return null;
        char c = peek();
        if (!isNameStart(c) && c != '{' && c != '}' && c != '!' && c != '[') return null;
        for (String w : RESERVED) {
            if (keywordAt(w)) return w;
        }
        return null;
    }

    private void skipBlanks() {
        while (pos < len) {
            char c = src.charAt(pos);
            if (isBlank(c)) pos++;
            else if (c == '\\' && pos + 1 < len && src.charAt(pos + 1) == '\n') pos += 2;
            else break;
        }
    }

    private void skipComment() {
        if (pos < len && src.charAt(pos) == '#') {
            int nl = src.indexOf('\n', pos);
            pos = nl < 0 ? len : nl;
        }
    }

    private void skipBlanksAndComment() {
        skipBlanks();
        skipComment();
    }

    private void skipLinebreaks() {
        while (true) {
            skipBlanksAndComment();
            if (pos < len && src.charAt(pos) == '\n') newline();
            else if (pos < len && src.charAt(pos) == '\r' && pos + 1 < len && src.charAt(pos + 1) == '\n') pos++;
            else break;
        }
    }

    /** The token at the current position as bash names it in a syntax error. */
    private String tokenAt() {
        if (eof() || peek() == '\n') return "newline";
        for (String op : OPERATORS) if (startsWith(op)) return op;
        int s = pos;
        int p = pos;
        while (p < len && !isMeta(src.charAt(p))) p++;
        return src.substring(s, p);
    }

    private SyntaxError syntax(String token) {
        return new SyntaxError("syntax error near unexpected token `" + token + "'", pos);
    }
}
