package novalab.engine.shell;

import java.util.List;
import java.util.Map;

/**
 * One run of a program: its argument vector (without the program name), standard input, the two
 * output streams, the exported environment, and the machine and directory it runs in.
 */
public final class Invocation {
    private final String name;
    private final List<String> args;
    private final String stdin;
    private final Sink out;
    private final Sink err;
    private final Map<String, String> env;
    private final Node node;
    private final String cwd;
    private final ShellControl control;

    public Invocation(String name, List<String> args, String stdin, StringBuilder out, StringBuilder err,
                      Map<String, String> env, Node node, String cwd, ShellControl control) {
        this(name, args, stdin, (Sink) out::append, (Sink) err::append, env, node, cwd, control);
    }

    /** The shell's constructor: writes go straight to the terminal, a pipe or a file, in the order made. */
    Invocation(String name, List<String> args, String stdin, Sink out, Sink err,
               Map<String, String> env, Node node, String cwd, ShellControl control) {
        this.name = name;
        this.args = List.copyOf(args);
        this.stdin = stdin;
        this.out = out;
        this.err = err;
        this.env = novalab.engine.common.Ordered.map(env);
        this.node = node;
        this.cwd = cwd;
        this.control = control;
    }

    /** The command name as typed ({@code openstack}). */
    public String name() { return name; }

    public List<String> args() { return args; }

    /** Standard input: what a pipe or {@code <} gave, else empty. */
    public String stdin() { return stdin; }

    public void out(String s) { out.write(s); }

    public void outln(String s) { out.write(s + "\n"); }

    public void err(String s) { err.write(s); }

    public void errln(String s) { err.write(s + "\n"); }

    /** Exported variables (OS_AUTH_URL, HOME, ...). */
    public Map<String, String> env() { return env; }

    public String env(String key) { return env.getOrDefault(key, ""); }

    public Node node() { return node; }

    public VirtualFs fs() { return node.fs(); }

    public String cwd() { return cwd; }

    /** An absolute path for {@code path} as typed, relative to the working directory. */
    public String path(String path) { return VirtualFs.resolve(cwd, node.home(), path); }

    public ShellControl control() { return control; }

    /** A copy with other arguments (for tools that dispatch to sub-commands). */
    public Invocation withArgs(List<String> newArgs) {
        return new Invocation(name, newArgs, stdin, out, err, env, node, cwd, control);
    }
}
