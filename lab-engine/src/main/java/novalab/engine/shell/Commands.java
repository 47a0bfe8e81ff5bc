package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The table of commands built into the terminal: bash builtins, then coreutils and text tools, by name. */
final class Commands {
    /** bash reserved words ({@code type for} says "keyword"). */
    static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "case", "esac", "for", "select",
            "while", "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]");

    /** Builtins of bash itself; those marked also exist in /usr/bin (echo, printf, test, [, true, false, pwd, kill). */
    private static final Set<String> BUILTINS = Set.of("cd", "pwd", "export", "unset", "source", ".", "exit", "logout",
            "history", "help", "read", "eval", "break", "continue", "return", "local", "declare", "typeset", "readonly",
            "set", "type", "echo", "printf", "test", "[", "true", "false", ":", "alias", "unalias");
    private static final Set<String> ALSO_BINARIES = Set.of("echo", "printf", "test", "[", "true", "false", "pwd");

    private static final Map<String, Utility> TABLE = table();

    private static final Map<String, String> SYNOPSIS = Map.ofEntries(
            Map.entry("cd", "cd [dir]\n    Change the shell working directory (no dir: $HOME; -: the previous one)."),
            Map.entry("pwd", "pwd [-LP]\n    Print the name of the current working directory."),
            Map.entry("export", "export [-fn] [name[=value] ...] or export -p\n    Set export attribute for shell variables."),
            Map.entry("unset", "unset [-f] [-v] [-n] [name ...]\n    Unset values and attributes of shell variables and functions."),
            Map.entry("source", "source filename [arguments]\n    Execute commands from a file in the current shell."),
            Map.entry(".", ". filename [arguments]\n    Execute commands from a file in the current shell."),
            Map.entry("exit", "exit [n]\n    Exit the shell with a status of N (in an ssh session: log out)."),
            Map.entry("history", "history [-c] [n]\n    Display the command history list with line numbers."),
            Map.entry("help", "help [pattern ...]\n    Display information about builtin commands."),
            Map.entry("read", "read [-rs] [-p prompt] [name ...]\n    Read a line from the standard input and split it into fields."),
            Map.entry("eval", "eval [arg ...]\n    Execute arguments as a shell command."),
            Map.entry("echo", "echo [-neE] [arg ...]\n    Write arguments to the standard output."),
            Map.entry("printf", "printf [-v var] format [arguments]\n    Formats and prints ARGUMENTS under control of the FORMAT."),
            Map.entry("test", "test [expr]\n    Evaluate conditional expression."),
            Map.entry("[", "[ arg... ]\n    Evaluate conditional expression (like test; the last argument must be ])."),
            Map.entry("type", "type [-t] name [name ...]\n    Display information about command type."),
            Map.entry("true", "true\n    Return a successful result."),
            Map.entry("false", "false\n    Return an unsuccessful result."));

    private Commands() { }

    private static Map<String, Utility> table() {
        Map<String, Utility> t = new TreeMap<>();
        t.put("cd", ShellBuiltins::cd);
        t.put("pwd", ShellBuiltins::pwd);
        t.put("export", ShellBuiltins::export);
        t.put("unset", ShellBuiltins::unset);
        t.put("source", ShellBuiltins::source);
        t.put(".", ShellBuiltins::source);
        t.put("exit", ShellBuiltins::exit);
        t.put("logout", ShellBuiltins::exit);
        t.put("history", ShellBuiltins::history);
        t.put("help", ShellBuiltins::help);
        t.put("read", ShellBuiltins::read);
        t.put("eval", ShellBuiltins::eval);
        t.put("break", ShellBuiltins::loopControl);
        t.put("continue", ShellBuiltins::loopControl);
        t.put("return", ShellBuiltins::ret);
        t.put("local", ShellBuiltins::declare);
        t.put("declare", ShellBuiltins::declare);
        t.put("typeset", ShellBuiltins::declare);
        t.put("readonly", ShellBuiltins::declare);
        t.put("set", ShellBuiltins::set);
        t.put("type", ShellBuiltins::type);
        t.put("alias", ShellBuiltins::alias);
        t.put("unalias", ShellBuiltins::unalias);
        t.put("which", ShellBuiltins::which);
        t.put("echo", ShellBuiltins::echo);
        t.put("printf", Printf::run);
        t.put("test", ShellBuiltins::test);
        t.put("[", ShellBuiltins::test);
        t.put("true", c -> 0);
        t.put(":", c -> 0);
        t.put("false", c -> 1);
        t.put("bash", ShellBuiltins::bash);
        t.put("sh", ShellBuiltins::bash);
        t.put("ls", Ls::run);
        t.put("cat", FileCommands::cat);
        t.put("chmod", FileCommands::chmod);
        t.put("rm", FileCommands::rm);
        t.put("rmdir", FileCommands::rmdir);
        t.put("mkdir", FileCommands::mkdir);
        t.put("touch", FileCommands::touch);
        t.put("cp", FileCommands::cp);
        t.put("mv", FileCommands::mv);
        t.put("tee", FileCommands::tee);
        t.put("basename", FileCommands::basename);
        t.put("dirname", FileCommands::dirname);
        t.put("grep", TextCommands::grep);
        t.put("egrep", c -> TextCommands.grep(withFirstArg(c, "grep", "-E")));
        t.put("fgrep", c -> TextCommands.grep(withFirstArg(c, "grep", "-F")));
        t.put("head", TextCommands::head);
        t.put("tail", TextCommands::tail);
        t.put("wc", TextCommands::wc);
        t.put("cut", TextCommands::cut);
        t.put("sort", Sort::run);
        t.put("uniq", TextCommands::uniq);
        t.put("tr", TextCommands::tr);
        t.put("seq", TextCommands::seq);
        t.put("xargs", TextCommands::xargs);
        t.put("sed", Sed::run);
        t.put("awk", Awk::run);
        t.put("clear", SystemCommands::clear);
        t.put("sleep", SystemCommands::sleep);
        t.put("whoami", SystemCommands::whoami);
        t.put("hostname", SystemCommands::hostname);
        t.put("date", SystemCommands::date);
        t.put("env", SystemCommands::env);
        t.put("printenv", SystemCommands::printenv);
        return novalab.engine.common.Ordered.map(t);
    }

    private static Call withFirstArg(Call c, String name, String arg) {
        List<String> args = new ArrayList<>();
        args.add(arg);
        args.addAll(c.args);
        return new Call(name, args, c.frame, c.sh, c.env);
    }

    /** The built-in command of that name, or null. */
    static Utility get(String name) { return TABLE.get(name); }

    /** All built-in command names, sorted. */
    static List<String> names() {
        List<String> names = new ArrayList<>(TABLE.keySet());
        names.sort(null);
        return names;
    }

    static boolean isBuiltin(String name) { return BUILTINS.contains(name); }

    /** A bash builtin with no program of the same name in /usr/bin ({@code which cd} finds nothing). */
    static boolean isBuiltinOnly(String name) { return BUILTINS.contains(name) && !ALSO_BINARIES.contains(name); }

    static List<String> builtinNames() {
        List<String> out = new ArrayList<>();
        for (String n : names()) if (BUILTINS.contains(n)) out.add(n);
        return out;
    }

    static List<String> toolNames() {
        List<String> out = new ArrayList<>();
        for (String n : names()) if (!BUILTINS.contains(n)) out.add(n);
        return out;
    }

    /** {@code help NAME} text, or null. */
    static String synopsis(String name) { return SYNOPSIS.get(name); }
}
