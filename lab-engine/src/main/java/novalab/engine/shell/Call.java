package novalab.engine.shell;

import java.util.List;
import java.util.Map;

/** One run of a built-in command: its arguments, streams, session and environment. */
final class Call {
    final String name;
    final List<String> args;
    final Frame frame;
    final Interpreter sh;
    final Map<String, String> env;

    Call(String name, List<String> args, Frame frame, Interpreter sh, Map<String, String> env) {
        this.name = name;
        this.args = List.copyOf(args);
        this.frame = frame;
        this.sh = sh;
        this.env = env;
    }

    Session session() { return frame.session(); }

    Node node() { return frame.session().node; }

    VirtualFs fs() { return frame.session().node.fs(); }

    String user() { return frame.session().user(); }

    String cwd() { return frame.session().cwd; }

    /** Absolute path for an operand as typed. */
    String path(String operand) { return frame.session().path(operand); }

    Input in() { return frame.in(); }

    boolean outIsTerminal() { return frame.out().terminal(); }

    void out(String s) { frame.out().write(s); }

    void outln(String s) { frame.out().write(s + "\n"); }

    void err(String s) { frame.err().write(s); }

    void errln(String s) { frame.err().write(s + "\n"); }

    /** "NAME: message" on stderr (coreutils voice); returns {@code status}. */
    int fail(int status, String message) {
        errln(name + ": " + message);
        return status;
    }

    /** "bash: NAME: message" on stderr (builtin voice); returns {@code status}. */
    int builtinFail(int status, String message) {
        errln("bash: " + name + ": " + message);
        return status;
    }

    /** The GNU "Try 'NAME --help'" hint after a usage error; returns {@code status}. */
    int usage(int status, String message) {
        errln(name + ": " + message);
        errln("Try '" + name + " --help' for more information.");
        return status;
    }
}
