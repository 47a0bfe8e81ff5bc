package novalab.engine.shell;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

import novalab.engine.shell.Word.Part;

/**
 * Word expansion in bash's order: tilde, parameters, command substitution and arithmetic, then word
 * splitting of unquoted results on IFS, then pathname expansion of unquoted glob characters.
 */
final class Expander {
    /** One expanded field; {@code active} marks the characters that came from unquoted text (globbable). */
    record Field(String text, BitSet active) {}

    private final Interpreter in;

    Expander(Interpreter in) {
        this.in = in;
    }

    /** Full expansion of command words: may produce zero, one or many arguments. */
    List<String> words(List<Word> words, Frame f) {
        List<String> out = new ArrayList<>();
        for (Word w : braces(words)) {
            if (w.parts().size() == 1 && w.parts().get(0) instanceof Word.Lit lit && (lit.quoted() || noGlob(lit.text()))) {
                out.add(lit.text());
                continue;
            }
            Fields fb = new Fields(ifs(f), true);
            add(w.parts(), fb, f, false);
            for (Field field : fb.finish()) {
                Session s = f.session();
                out.addAll(Glob.expand(field.text(), field.active(), s.node.fs(), s.cwd, s.home()));
            }
        }
        return out;
    }

    /** Brace expansion, done first and only on unquoted literal text. */
    private static List<Word> braces(List<Word> words) {
        List<Word> out = null;
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            List<Word> expanded = braces(w);
            if (expanded == null) {
                if (out != null) out.add(w);
                continue;
            }
            if (out == null) out = new ArrayList<>(words.subList(0, i));
            out.addAll(expanded);
        }
        return out == null ? words : out;
    }

    private static List<Word> braces(Word w) {
        List<List<Part>> variants = null;
        for (int i = 0; i < w.parts().size(); i++) {
            Part p = w.parts().get(i);
            if (p instanceof Word.Lit lit && !lit.quoted() && Braces.mayExpand(lit.text())) {
                List<String> texts = Braces.expand(lit.text());
                if (texts.size() == 1 && texts.get(0).equals(lit.text())) continue;
                if (variants == null) {
                    variants = new ArrayList<>();
                    variants.add(new ArrayList<>(w.parts()));
                }
                List<List<Part>> next = new ArrayList<>();
                for (List<Part> v : variants) {
                    for (String t : texts) {
                        if (next.size() > Braces.LIMIT) break;
                        List<Part> copy = new ArrayList<>(v);
                        copy.set(i, new Word.Lit(t, false));
                        next.add(copy);
                    }
                }
                variants = next;
            }
        }
        if (variants == null) return null;
        List<Word> out = new ArrayList<>();
        for (List<Part> v : variants) out.add(new Word(v, w.raw()));
        return out;
    }

    /** Arguments of declaration builtins (export, local): {@code NAME=value} words are not split. */
    List<String> declarationWords(List<Word> words, Frame f) {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            if (w.parts().size() > 0 && w.parts().get(0) instanceof Word.Lit lit && !lit.quoted()
                    && lit.text().indexOf('=') > 0 && Parser.isName(lit.text().substring(0, lit.text().indexOf('=')))) {
                out.add(string(w, f));
            } else {
                out.addAll(words(List.of(w), f));
            }
        }
        return out;
    }

    /** Expansion without splitting or globbing: assignment values, here-documents, arithmetic text. */
    String string(Word w, Frame f) {
        if (w.parts().size() == 1 && w.parts().get(0) instanceof Word.Lit lit) return lit.text();
        Fields fb = new Fields("", false);
        add(w.parts(), fb, f, false);
        StringBuilder sb = new StringBuilder();
        for (Field field : fb.finish()) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(field.text());
        }
        return sb.toString();
    }

    /** Expansion for a pattern ({@code [[ x == pat ]]}, {@code ${x#pat}}): one field with its unquoted positions. */
    Field pattern(Word w, Frame f) {
        Fields fb = new Fields("", false);
        add(w.parts(), fb, f, false);
        List<Field> fields = fb.finish();
        return fields.isEmpty() ? new Field("", new BitSet()) : fields.get(0);
    }

    /** The right side of {@code =~}: unquoted text is regex syntax, quoted text (and quoted expansions) match literally. */
    String regexSource(Word w, Frame f) {
        StringBuilder re = new StringBuilder();
        for (Part p : w.parts()) {
            boolean quoted;
            String text;
            if (p instanceof Word.Lit lit) {
                quoted = lit.quoted();
                text = lit.text();
            } else {
                quoted = p instanceof Word.Tilde || (p instanceof Word.Param pp && pp.quoted())
                        || (p instanceof Word.CmdSub cs && cs.quoted()) || (p instanceof Word.Arith ar && ar.quoted());
                text = string(new Word(List.of(p), ""), f);
            }
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted && !Character.isLetterOrDigit(ch) && ch != ' ') re.append('\\');
                re.append(ch);
            }
        }
        return re.toString();
    }

    private static boolean noGlob(String s) {
        for (int i = 0; i < s.length(); i++) if (Glob.isGlobChar(s.charAt(i))) return false;
        return true;
    }

    private static String ifs(Frame f) {
        String v = f.session().get("IFS");
        return v == null ? " \t\n" : v;
    }

    private void add(List<Part> parts, Fields fb, Frame f, boolean paramArg) {
        for (Part p : parts) {
            if (p instanceof Word.Lit lit) {
                if (paramArg && !lit.quoted()) fb.expanded(lit.text(), false);
                else fb.literal(lit.text(), lit.quoted());
            } else if (p instanceof Word.Tilde) {
                fb.literal(f.session().home(), true);
            } else if (p instanceof Word.Param param) {
                param(param, fb, f);
            } else if (p instanceof Word.CmdSub sub) {
                fb.expanded(in.substitute(sub.body(), f), sub.quoted());
            } else if (p instanceof Word.Arith arith) {
                fb.expanded(Long.toString(in.arith(string(arith.expr(), f), f)), arith.quoted());
            } else if (p instanceof Word.Bad bad) {
                throw new ControlFlow.Failure("bash: " + bad.text() + ": bad substitution", 1);
            }
        }
    }

    private void param(Word.Param p, Fields fb, Frame f) {
        String name = p.name();
        if (name.equals("@") || name.equals("*")) {
            positional(p, fb, f);
            return;
        }
        String v = in.value(name, f);
        boolean quoted = p.quoted();
        switch (p.op()) {
            case "":
                fb.expanded(v == null ? "" : v, quoted);
                return;
            case "len":
                fb.expanded(Integer.toString(v == null ? 0 : v.codePointCount(0, v.length())), quoted);
                return;
            case ":-":
            case "-":
                if (v == null || (p.op().equals(":-") && v.isEmpty())) add(p.arg().parts(), fb, f, !quoted);
                else fb.expanded(v, quoted);
                return;
            case ":=":
            case "=":
                if (v == null || (p.op().equals(":=") && v.isEmpty())) {
                    if (!Parser.isName(name)) throw new ControlFlow.Failure("bash: $" + name + ": cannot assign in this way", 1);
                    v = string(p.arg(), f);
                    f.session().set(name, v);
                }
                fb.expanded(v, quoted);
                return;
            case ":+":
            case "+":
                if (v != null && !(p.op().equals(":+") && v.isEmpty())) add(p.arg().parts(), fb, f, !quoted);
                else fb.expanded("", quoted);
                return;
            case ":?":
            case "?":
                if (v == null || (p.op().equals(":?") && v.isEmpty())) {
                    String msg = string(p.arg(), f);
                    throw new ControlFlow.Failure("bash: " + name + ": " + (msg.isEmpty() ? "parameter null or not set" : msg), 1);
                }
                fb.expanded(v, quoted);
                return;
            default:
                fb.expanded(removeAffix(v == null ? "" : v, p.op(), pattern(p.arg(), f)), quoted);
        }
    }

    private static String removeAffix(String v, String op, Field pat) {
        Pattern re = Glob.compile(pat.text(), pat.active());
        int n = v.length();
        switch (op) {
            case "#":
                for (int i = 0; i <= n; i++) if (re.matcher(v.substring(0, i)).matches()) return v.substring(i);
                return v;
            case "##":
                for (int i = n; i >= 0; i--) if (re.matcher(v.substring(0, i)).matches()) return v.substring(i);
                return v;
            case "%":
                for (int i = n; i >= 0; i--) if (re.matcher(v.substring(i)).matches()) return v.substring(0, i);
                return v;
            default:
                for (int i = 0; i <= n; i++) if (re.matcher(v.substring(i)).matches()) return v.substring(0, i);
                return v;
        }
    }

    private static void positional(Word.Param p, Fields fb, Frame f) {
        List<String> args = f.positional();
        if (p.quoted() && p.name().equals("@")) {
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) fb.breakField();
                fb.expanded(args.get(i), true);
            }
        } else {
            fb.expanded(String.join(" ", args), p.quoted());
        }
    }

    /** Builds fields from pieces, splitting unquoted expansion results on IFS. */
    private static final class Fields {
        private final String ifs;
        private final boolean split;
        private final List<Field> done = new ArrayList<>();
        private final StringBuilder cur = new StringBuilder();
        private BitSet active = new BitSet();
        private boolean started;

        Fields(String ifs, boolean split) {
            this.ifs = ifs;
            this.split = split;
        }

        void literal(String s, boolean quoted) {
            if (!quoted) mark(s);
            cur.append(s);
            started = true;
        }

        void expanded(String s, boolean quoted) {
            if (quoted) {
                cur.append(s);
                started = true;
                return;
            }
            if (!split) {
                mark(s);
                cur.append(s);
                if (!s.isEmpty()) started = true;
                return;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (ifs.indexOf(c) >= 0) {
                    if (c == ' ' || c == '\t' || c == '\n') {
                        if (started) emit();
                    } else {
                        emit();
                    }
                } else {
                    if (Glob.isGlobChar(c)) active.set(cur.length());
                    cur.append(c);
                    started = true;
                }
            }
        }

        private void mark(String s) {
            for (int i = 0; i < s.length(); i++) if (Glob.isGlobChar(s.charAt(i))) active.set(cur.length() + i);
        }

        void breakField() { emit(); }

        private void emit() {
            done.add(new Field(cur.toString(), active));
            cur.setLength(0);
            active = new BitSet();
            started = false;
        }

        List<Field> finish() {
            if (started || cur.length() > 0) emit();
            return done;
        }
    }
}
