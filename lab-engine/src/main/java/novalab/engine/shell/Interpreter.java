package novalab.engine.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs parsed commands: expansion, redirections, pipelines (stage by stage, each stage's output becoming
 * the next one's input), lists, loops, and dispatch to functions, builtins, utilities and the machine's
 * programs, in that order. Single-threaded and deterministic.
 */
final class Interpreter {
    static final int MAX_DEPTH = 100;
    private static final String PID = "4242";

    final Shell shell;
    final Expander expand = new Expander(this);
    final Budget budget = new Budget();
    private int depth;
    private int loops;
    private int lastSubstStatus;

    Interpreter(Shell shell) {
        this.shell = shell;
    }

    /** Runs a command and records its status as {@code $?}; expansion errors print bash's message and fail. */
    int exec(Cmd c, Frame f) {
        int s;
        try {
            s = c.run(this, f);
        } catch (ControlFlow.Failure e) {
            f.err().write(e.text + "\n");
            s = e.status;
        }
        f.session().status = s;
        return s;
    }

    /**
     * Parses and runs a script one complete command at a time. {@code source} names the file for error
     * messages ("bash: FILE: line N: ..."), or is empty for what the student typed.
     */
    int runScript(String text, Frame f, String source) {
        Parser p = new Parser(text, false, f.session().aliases::get);
        int status = 0;
        while (true) {
            Optional<Cmd> c;
            try {
                c = p.next();
            } catch (Parser.SyntaxError e) {
                f.err().write(prefix(source, p, e.pos) + e.getMessage() + "\n");
                if (!source.isEmpty()) f.err().write(prefix(source, p, e.pos) + "`" + p.lineText(e.pos) + "'\n");
                int st = e.getMessage().startsWith("syntax") ? 2 : 1;
                f.session().status = st;
                return st;
            } catch (Parser.Incomplete e) {
                String msg = e.matching.isEmpty() ? "syntax error: unexpected end of file"
                        : "unexpected EOF while looking for matching `" + e.matching + "'";
                f.err().write(prefix(source, p, text.length()) + msg + "\n");
                f.session().status = 2;
                return 2;
            }
            for (String w : p.drainWarnings()) f.err().write(prefix(source, p, text.length()) + w + "\n");
            if (c.isEmpty()) return status;
            status = exec(c.get(), f);
        }
    }

    private static String prefix(String source, Parser p, int pos) {
        return source.isEmpty() ? "bash: " : "bash: " + source + ": line " + p.lineOf(pos) + ": ";
    }

    /** Enters one more level of nesting (function, source, substitution, remote command); false when too deep. */
    boolean push() {
        if (depth >= MAX_DEPTH) return false;
        depth++;
        return true;
    }

    void pop() { depth--; }

    int depth() { return depth; }

    // ---- commands -----------------------------------------------------------------------------------

    int runSimple(Cmd.Simple c, Frame f) {
        budget.step();
        lastSubstStatus = 0;
        List<String> argv = isDeclaration(c) ? expand.declarationWords(c.words(), f) : expand.words(c.words(), f);
        if (argv.isEmpty()) {
            for (Cmd.Assign a : c.assigns()) assign(a, f);
            int st = lastSubstStatus;
            if (!c.redirs().isEmpty()) {
                Redirections r = Redirections.open(this, c.redirs(), f);
                if (r == null) return 1;
                r.close();
            }
            return st;
        }
        Map<String, String> extra = new LinkedHashMap<>();
        for (Cmd.Assign a : c.assigns()) {
            String v = expand.string(a.value(), f);
            if (a.append()) v = f.session().get(a.name()) == null ? v : f.session().get(a.name()) + v;
            extra.put(a.name(), v);
        }
        if (c.redirs().isEmpty()) return invoke(argv, extra, f);
        Redirections r = Redirections.open(this, c.redirs(), f);
        if (r == null) return 1;
        try {
            return invoke(argv, extra, r.frame());
        } finally {
            r.close();
        }
    }

    private static boolean isDeclaration(Cmd.Simple c) {
        if (c.words().isEmpty()) return false;
        String first = c.words().get(0).plainText();
        return "export".equals(first) || "local".equals(first) || "declare".equals(first) || "readonly".equals(first);
    }

    private void assign(Cmd.Assign a, Frame f) {
        String v = expand.string(a.value(), f);
        Session s = f.session();
        if (a.append() && s.get(a.name()) != null) v = s.get(a.name()) + v;
        s.set(a.name(), v);
    }

    /** Runs one command by name: function, builtin or utility, the machine's program, or a script by path. */
    int invoke(List<String> argv, Map<String, String> extraEnv, Frame f) {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        Session s = f.session();
        Cmd fn = s.functions.get(name);
        if (fn != null) return callFunction(name, fn, args, f);
        Utility u = Commands.get(name);
        if (u != null) {
            if (extraEnv.isEmpty()) return u.run(new Call(name, args, f, this, env(s, extraEnv)));
            return withTemporaryVariables(s, extraEnv, () -> u.run(new Call(name, args, f, this, env(s, extraEnv))));
        }
        Optional<Program> program = s.node.program(name);
        if (program.isPresent()) return runProgram(name, program.get(), args, env(s, extraEnv), f);
        if (name.indexOf('/') >= 0) return runScriptFile(name, args, env(s, extraEnv), f);
        f.err().write("bash: " + name + ": command not found\n");
        return 127;
    }

    /** {@code IFS=, read a b}: prefix assignments are visible to a builtin while it runs, then restored. */
    private static int withTemporaryVariables(Session s, Map<String, String> vars, java.util.function.IntSupplier body) {
        Map<String, String> saved = new LinkedHashMap<>();
        for (String name : vars.keySet()) saved.put(name, s.get(name));
        vars.forEach((k, v) -> { if (UNSET.equals(v)) s.unset(k); else s.set(k, v); });
        try {
            return body.getAsInt();
        } finally {
            for (Map.Entry<String, String> e : saved.entrySet()) {
                if (e.getValue() == null) {
                    boolean exported = s.isExported(e.getKey());
                    s.unset(e.getKey());
                    if (exported) s.export(e.getKey());
                } else {
                    s.set(e.getKey(), e.getValue());
                }
            }
        }
    }

    /** True when {@code name} would run something (for xargs, env, which). */
    boolean isCommand(String name, Session s) {
        return s.functions.containsKey(name) || Commands.get(name) != null || s.node.program(name).isPresent();
    }

    /** A value in an extra-environment map that means "remove this variable" ({@code env -u NAME}, {@code env -i}). */
    static final String UNSET = "\u0000unset";

    private static Map<String, String> env(Session s, Map<String, String> extra) {
        Map<String, String> env = s.exportedEnv();
        extra.forEach((k, v) -> {
            if (UNSET.equals(v)) env.remove(k);
            else env.put(k, v);
        });
        return env;
    }

    private int runProgram(String name, Program program, List<String> args, Map<String, String> env, Frame f) {
        Session s = f.session();
        Invocation inv = new Invocation(name, args, f.in().readAll(), f.out(), f.err(), env, s.node, s.cwd, shell);
        try {
            return program.run(inv) & 0xFF;
        } catch (ControlFlow e) {
            throw e;
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null || e.getMessage().isBlank() ? "unexpected error" : e.getMessage().lines().findFirst().orElse("");
            f.err().write(name + ": internal error: " + msg + "\n");
            return 1;
        }
    }

    private int callFunction(String name, Cmd body, List<String> args, Frame f) {
        if (!push()) {
            f.err().write("bash: " + name + ": maximum function nesting level exceeded (" + MAX_DEPTH + ")\n");
            return 1;
        }
        try {
            return exec(body, f.withPositional(args));
        } catch (ControlFlow.Return r) {
            return r.status;
        } finally {
            pop();
        }
    }

    private int runScriptFile(String name, List<String> args, Map<String, String> env, Frame f) {
        Session s = f.session();
        VirtualFs fs = s.node.fs();
        String path = s.path(name);
        if (fs.isDirectory(path)) {
            f.err().write("bash: " + name + ": Is a directory\n");
            return 126;
        }
        Optional<VirtualFs.FileEntry> file = fs.file(path);
        if (file.isEmpty()) {
            f.err().write("bash: " + name + ": No such file or directory\n");
            return 127;
        }
        if (!Perms.canExecute(file.get(), s.user())) {
            f.err().write("bash: " + name + ": Permission denied\n");
            return 126;
        }
        return runChildScript(file.get().content(), name, args, env, f);
    }

    /** Runs script text as a child bash process (exported environment only), as {@code bash FILE} or {@code ./FILE}. */
    int runChildScript(String text, String name, List<String> args, Map<String, String> env, Frame f) {
        if (!push()) {
            f.err().write("bash: " + name + ": maximum nesting level exceeded\n");
            return 1;
        }
        Session child = new Session(f.session().node, env);
        child.cwd = f.session().cwd;
        child.set("PWD", child.cwd);
        Frame g = new Frame(child, f.in(), f.out(), f.err(), List.copyOf(args));
        try {
            return runScript(text, g, name);
        } catch (ControlFlow.Exit e) {
            return e.status;
        } catch (ControlFlow.Return e) {
            return e.status;
        } finally {
            pop();
        }
    }

    int runPipeline(Cmd.Pipeline p, Frame f) {
        List<Cmd> stages = p.stages();
        int status;
        if (stages.size() == 1) {
            status = exec(stages.get(0), f);
        } else {
            Input in = f.in();
            status = 0;
            for (int i = 0; i < stages.size(); i++) {
                boolean last = i == stages.size() - 1;
                StringBuilder buf = new StringBuilder();
                Sink out = last ? f.out() : capture(buf);
                Frame g = new Frame(f.session().copy(), in, out, f.err(), f.positional());
                status = subshell(stages.get(i), g);
                if (!last) in = new Input(buf.toString());
            }
        }
        return p.negate() ? (status == 0 ? 1 : 0) : status;
    }

    int runAndOr(Cmd.AndOr c, Frame f) {
        int status = exec(c.first(), f);
        for (int i = 0; i < c.ops().size(); i++) {
            boolean and = c.ops().get(i).equals("&&");
            if (and == (status == 0)) status = exec(c.rest().get(i), f);
        }
        return status;
    }

    int runSequence(Cmd.Sequence c, Frame f) {
        int status = 0;
        for (Cmd item : c.items()) status = exec(item, f);
        return status;
    }

    int runFor(Cmd.For c, Frame f) {
        List<String> items = c.hasIn() ? expand.words(c.words(), f) : f.positional();
        int status = 0;
        loops++;
        try {
            for (String v : items) {
                budget.step();
                f.session().set(c.name(), v);
                try {
                    status = exec(c.body(), f);
                } catch (ControlFlow.Loop l) {
                    if (l.levels > 1) throw new ControlFlow.Loop(l.levels - 1, l.isContinue);
                    status = 0;
                    if (!l.isContinue) break;
                }
            }
        } finally {
            loops--;
        }
        return status;
    }

    int runIf(Cmd.If c, Frame f) {
        for (int i = 0; i < c.conditions().size(); i++) {
            if (exec(c.conditions().get(i), f) == 0) return exec(c.bodies().get(i), f);
        }
        return exec(c.elseBody(), f);
    }

    int runCase(Cmd.Case c, Frame f) {
        budget.step();
        String subject = expand.string(c.subject(), f);
        for (int i = 0; i < c.patterns().size(); i++) {
            for (Word w : c.patterns().get(i)) {
                Expander.Field p = expand.pattern(w, f);
                if (Glob.compile(p.text(), p.active()).matcher(subject).matches()) {
                    return exec(c.bodies().get(i), f);
                }
            }
        }
        return 0;
    }

    int runLoop(Cmd.Loop c, Frame f) {
        int status = 0;
        loops++;
        try {
            while (true) {
                budget.step();
                boolean ok = exec(c.condition(), f) == 0;
                if (ok == c.until()) break;
                try {
                    status = exec(c.body(), f);
                } catch (ControlFlow.Loop l) {
                    if (l.levels > 1) throw new ControlFlow.Loop(l.levels - 1, l.isContinue);
                    status = 0;
                    if (!l.isContinue) break;
                }
            }
        } finally {
            loops--;
        }
        return status;
    }

    boolean inLoop() { return loops > 0; }

    int runGroup(Cmd.Group c, Frame f) {
        if (c.subshell()) return subshell(c.body(), f.withSession(f.session().copy()));
        return exec(c.body(), f);
    }

    /** Runs in a copied session: {@code exit} ends only the subshell. */
    int subshell(Cmd c, Frame f) {
        int savedLoops = loops;
        try {
            return exec(c, f);
        } catch (ControlFlow.Exit e) {
            return e.status;
        } catch (ControlFlow.Return e) {
            return e.status;
        } finally {
            loops = savedLoops;
        }
    }

    int runRedirected(Cmd.Redirected c, Frame f) {
        Redirections r = Redirections.open(this, c.redirs(), f);
        if (r == null) return 1;
        try {
            return exec(c.cmd(), r.frame());
        } finally {
            r.close();
        }
    }

    int runArith(Cmd.ArithCmd c, Frame f) {
        budget.step();
        return arith(expand.string(c.expr(), f), f) != 0 ? 0 : 1;
    }

    int runCond(Cmd.Cond c, Frame f) {
        budget.step();
        return new CondExpr(this, c.words(), f).evaluate();
    }

    // ---- expansion support --------------------------------------------------------------------------

    /** {@code $(...)}: runs in a subshell, captures standard output, strips trailing newlines. */
    String substitute(Cmd body, Frame f) {
        StringBuilder buf = new StringBuilder();
        if (!push()) throw new ControlFlow.Failure("bash: maximum nesting level exceeded", 1);
        int status;
        try {
            status = subshell(body, new Frame(f.session().copy(), f.in(), capture(buf), f.err(), f.positional()));
        } finally {
            pop();
        }
        lastSubstStatus = status;
        f.session().status = status;
        int end = buf.length();
        while (end > 0 && buf.charAt(end - 1) == '\n') end--;
        return buf.substring(0, end);
    }

    long arith(String expr, Frame f) {
        Session s = f.session();
        try {
            return Arith.eval(expr, new Arith.Vars() {
                public String get(String name) { return value(name, f); }

                public void set(String name, String value) { s.set(name, value); }
            });
        } catch (Arith.Error e) {
            throw new ControlFlow.Failure("bash: " + expr.strip() + ": " + e.getMessage(), 1);
        }
    }

    /** A parameter's value, or null when unset: specials ($?, $$, $#, $0, $1...), then variables. */
    String value(String name, Frame f) {
        switch (name) {
            case "?": return Integer.toString(f.session().status);
            case "$": return PID;
            case "#": return Integer.toString(f.positional().size());
            case "0": return "bash";
            case "-": return "himBHs";
            case "!": return null;
            case "RANDOM": return Integer.toString(shell.nextRandom());
            default:
        }
        if (Character.isDigit(name.charAt(0))) {
            int i;
            try {
                i = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return null;
            }
            return i >= 1 && i <= f.positional().size() ? f.positional().get(i - 1) : null;
        }
        return f.session().get(name);
    }

    /** A sink collecting output for a pipe or substitution, counted against the line's budget. */
    Sink capture(StringBuilder buf) {
        return s -> {
            budget.wrote(s.length());
            buf.append(s);
        };
    }

    /** Runs an argument vector as a command in {@code f} (xargs, env, command substitution helpers). */
    int runArgv(List<String> argv, Map<String, String> extraEnv, Frame f) {
        budget.step();
        return invoke(new ArrayList<>(argv), extraEnv, f);
    }
}
