package novalab.engine.shell;

import java.util.List;

/** A parsed command: simple commands, pipelines, lists and the compound commands the lab supports. */
sealed interface Cmd {
    /** Runs this command; the interpreter records the returned status as {@code $?}. */
    int run(Interpreter in, Frame f);

    /** {@code NAME=value} before a command or alone; {@code append} for {@code NAME+=value}. */
    record Assign(String name, Word value, boolean append) {}

    /**
     * One redirection: {@code fd} is the file descriptor it changes; op is one of
     * {@code < > >> &> &>> >& <& << <<<}; {@code target} is the file, fd number or here-string word.
     */
    record Redir(int fd, String op, Word target, HereDoc heredoc) {}

    /** The body of a here-document, filled in by the parser once it reaches the lines after the command. */
    final class HereDoc {
        final String delimiter;
        final boolean stripTabs;
        final boolean expand;
        Word body = Word.EMPTY;

        HereDoc(String delimiter, boolean stripTabs, boolean expand) {
            this.delimiter = delimiter;
            this.stripTabs = stripTabs;
            this.expand = expand;
        }
    }

    record Simple(List<Assign> assigns, List<Word> words, List<Redir> redirs) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runSimple(this, f); }
    }

    record Pipeline(List<Cmd> stages, boolean negate) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runPipeline(this, f); }
    }

    /** {@code a && b || c}: ops.get(i) joins rest.get(i) to what came before. */
    record AndOr(Cmd first, List<String> ops, List<Cmd> rest) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runAndOr(this, f); }
    }

    record Sequence(List<Cmd> items) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runSequence(this, f); }
    }

    /** {@code for name [in words]; do body; done}; without {@code in} it walks "$@". */
    record For(String name, boolean hasIn, List<Word> words, Cmd body) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runFor(this, f); }
    }

    /** {@code if c1; then b1; elif c2; then b2; else e; fi}; elseBody is an empty Sequence when absent. */
    record If(List<Cmd> conditions, List<Cmd> bodies, Cmd elseBody) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runIf(this, f); }
    }

    /** {@code case word in pat|pat) body;; ... esac}: glob patterns, first match wins. */
    record Case(Word subject, List<List<Word>> patterns, List<Cmd> bodies) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runCase(this, f); }
    }

    /** {@code while} or {@code until} loop. */
    record Loop(Cmd condition, Cmd body, boolean until) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runLoop(this, f); }
    }

    /** {@code { list; }} or, with subshell, {@code ( list )}. */
    record Group(Cmd body, boolean subshell) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runGroup(this, f); }
    }

    /** A compound command with redirections after it ({@code done > out.txt}). */
    record Redirected(Cmd cmd, List<Redir> redirs) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runRedirected(this, f); }
    }

    record FunctionDef(String name, Cmd body) implements Cmd {
        public int run(Interpreter in, Frame f) {
            f.session().functions.put(name, body);
            return 0;
        }
    }

    /** {@code (( expr ))}: status 0 when the value is non-zero. */
    record ArithCmd(Word expr) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runArith(this, f); }
    }

    /** {@code [[ ... ]]}: the words between the brackets, operators included. */
    record Cond(List<Word> words) implements Cmd {
        public int run(Interpreter in, Frame f) { return in.runCond(this, f); }
    }
}
