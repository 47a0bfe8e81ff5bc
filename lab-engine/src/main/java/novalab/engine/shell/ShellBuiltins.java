package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** bash's own builtins: they read or change the session (directory, variables, history) rather than files. */
final class ShellBuiltins {
    private ShellBuiltins() { }

    static int cd(Call c) {
        List<String> a = new ArrayList<>(c.args);
        while (!a.isEmpty() && (a.get(0).equals("-L") || a.get(0).equals("-P") || a.get(0).equals("--"))) a.remove(0);
        if (!a.isEmpty() && a.get(0).length() > 1 && a.get(0).startsWith("-")) {
            c.errln("bash: cd: " + a.get(0).substring(0, 2) + ": invalid option");
            c.errln("cd: usage: cd [-L|[-P [-e]] [-@]] [dir]");
            return 2;
        }
        if (a.size() > 1) return c.builtinFail(1, "too many arguments");
        Session s = c.session();
        String target;
        boolean print = false;
        if (a.isEmpty()) {
            target = s.get("HOME");
            if (target == null) return c.builtinFail(1, "HOME not set");
        } else if (a.get(0).equals("-")) {
            target = s.get("OLDPWD");
            if (target == null) return c.builtinFail(1, "OLDPWD not set");
            print = true;
        } else {
            target = a.get(0);
        }
        if (target.isEmpty()) return 0;
        String path = s.path(target);
        VirtualFs fs = c.fs();
        if (!fs.isDirectory(path)) {
            return c.builtinFail(1, target + ": " + (fs.isFile(path) ? "Not a directory" : "No such file or directory"));
        }
        s.set("OLDPWD", s.cwd);
        s.export("OLDPWD");
        s.cwd = path;
        s.set("PWD", path);
        if (print) c.outln(path);
        return 0;
    }

    static int pwd(Call c) {
        for (String a : c.args) {
            if (a.startsWith("-") && !a.equals("-L") && !a.equals("-P")) {
                c.errln("bash: pwd: " + a.substring(0, Math.min(2, a.length())) + ": invalid option");
                c.errln("pwd: usage: pwd [-LP]");
                return 2;
            }
        }
        c.outln(c.cwd());
        return 0;
    }

    static int export(Call c) {
        Session s = c.session();
        boolean unexport = false;
        boolean print = false;
        List<String> names = new ArrayList<>();
        boolean options = true;
        for (String a : c.args) {
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("-") && a.length() > 1) {
                for (char ch : a.substring(1).toCharArray()) {
                    if (ch == 'n') unexport = true;
                    else if (ch == 'p') print = true;
                    else if (ch != 'f') {
                        c.errln("bash: export: -" + ch + ": invalid option");
                        c.errln("export: usage: export [-fn] [name[=value] ...] or export -p");
                        return 2;
                    }
                }
            } else {
                options = false;
                names.add(a);
            }
        }
        if (names.isEmpty() || print) {
            TreeMap<String, String> sorted = new TreeMap<>();
            for (String n : s.exportedNames()) sorted.put(n, s.get(n));
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                c.outln("declare -x " + e.getKey() + (e.getValue() == null ? "" : "=\"" + escapeDq(e.getValue()) + "\""));
            }
            return 0;
        }
        int status = 0;
        for (String a : names) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            boolean append = name.endsWith("+");
            if (append) name = name.substring(0, name.length() - 1);
            if (!Parser.isName(name)) {
                c.errln("bash: export: `" + a + "': not a valid identifier");
                status = 1;
                continue;
            }
            if (eq >= 0) {
                String v = a.substring(eq + 1);
                s.set(name, append && s.get(name) != null ? s.get(name) + v : v);
            }
            if (unexport) s.unexport(name);
            else s.export(name);
        }
        return status;
    }

    private static String escapeDq(String v) {
        StringBuilder sb = new StringBuilder();
        for (char ch : v.toCharArray()) {
            if (ch == '"' || ch == '\\' || ch == '$' || ch == '`') sb.append('\\');
            sb.append(ch);
        }
        return sb.toString();
    }

    static int unset(Call c) {
        boolean functions = false;
        int status = 0;
        for (String a : c.args) {
            if (a.equals("-f")) {
                functions = true;
            } else if (a.equals("-v") || a.equals("-n")) {
                functions = false;
            } else if (a.startsWith("-") && a.length() > 1) {
                c.errln("bash: unset: " + a.substring(0, 2) + ": invalid option");
                c.errln("unset: usage: unset [-f] [-v] [-n] [name ...]");
                return 2;
            } else if (!Parser.isName(a) && !functions) {
                c.errln("bash: unset: `" + a + "': not a valid identifier");
                status = 1;
            } else if (functions) {
                c.session().functions.remove(a);
            } else if (c.session().isSet(a) || !c.session().functions.containsKey(a)) {
                c.session().unset(a);
            } else {
                c.session().functions.remove(a);
            }
        }
        return status;
    }

    static int source(Call c) {
        if (c.args.isEmpty()) {
            c.errln("bash: " + c.name + ": filename argument required");
            c.errln(c.name + ": usage: " + c.name + " filename [arguments]");
            return 2;
        }
        String file = c.args.get(0);
        String path = c.path(file);
        VirtualFs fs = c.fs();
        if (fs.isDirectory(path)) return c.builtinFail(1, file + ": is a directory");
        Optional<VirtualFs.FileEntry> entry = fs.file(path);
        if (entry.isEmpty()) {
            c.errln("bash: " + file + ": No such file or directory");
            return 1;
        }
        if (!Perms.canRead(entry.get(), c.user())) {
            c.errln("bash: " + file + ": Permission denied");
            return 1;
        }
        if (!c.sh.push()) return c.builtinFail(1, "maximum nesting level exceeded");
        Frame f = c.args.size() > 1 ? c.frame.withPositional(c.args.subList(1, c.args.size())) : c.frame;
        try {
            return c.sh.runScript(entry.get().content(), f, file);
        } catch (ControlFlow.Return r) {
            return r.status;
        } finally {
            c.sh.pop();
        }
    }

    static int eval(Call c) {
        if (c.args.isEmpty()) return 0;
        if (!c.sh.push()) return c.builtinFail(1, "maximum nesting level exceeded");
        try {
            return c.sh.runScript(String.join(" ", c.args), c.frame, "eval");
        } finally {
            c.sh.pop();
        }
    }

    static int exit(Call c) {
        if (c.args.size() > 1) return c.builtinFail(1, "too many arguments");
        int status = c.session().status;
        if (!c.args.isEmpty()) {
            try {
                status = (int) (Long.parseLong(c.args.get(0).strip()) & 0xFF);
            } catch (NumberFormatException e) {
                c.errln("bash: " + c.name + ": " + c.args.get(0) + ": numeric argument required");
                status = 2;
            }
        }
        throw new ControlFlow.Exit(status);
    }

    static int history(Call c) {
        List<String> h = c.sh.shell.historyView();
        if (c.args.size() == 1 && c.args.get(0).equals("-c")) {
            h.clear();
            return 0;
        }
        int from = 0;
        if (!c.args.isEmpty()) {
            String a = c.args.get(0);
            if (a.startsWith("-")) {
                c.errln("bash: history: " + a.substring(0, Math.min(2, a.length())) + ": invalid option");
                c.errln("history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]");
                return 2;
            }
            try {
                from = Math.max(0, h.size() - Integer.parseInt(a));
            } catch (NumberFormatException e) {
                return c.builtinFail(1, a + ": numeric argument required");
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < h.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%5d  %s\n", i + 1, oneLine(h.get(i))));
        }
        c.out(sb.toString());
        return 0;
    }

    /** A multi-line entry the way bash's cmdhist shows it: lines joined by "; " or " " after do/then/{/|. */
    private static String oneLine(String entry) {
        if (entry.indexOf('\n') < 0) return entry;
        StringBuilder sb = new StringBuilder();
        for (String line : entry.split("\n")) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            if (sb.length() > 0) {
                String prev = sb.toString();
                boolean joinWithSpace = prev.endsWith(" do") || prev.endsWith(" then") || prev.endsWith("else")
                        || prev.endsWith("{") || prev.endsWith("|") || prev.endsWith("&&") || prev.endsWith("||")
                        || prev.endsWith(";") || prev.equals("do") || prev.endsWith("\\");
                sb.append(joinWithSpace ? " " : "; ");
            }
            sb.append(t);
        }
        return sb.toString();
    }

    static int help(Call c) {
        if (!c.args.isEmpty()) {
            int status = 0;
            for (String topic : c.args) {
                String text = Commands.synopsis(topic);
                if (text == null) {
                    c.errln("bash: help: no help topics match `" + topic + "'.  Try `help help' or `man -k " + topic
                            + "' or `info " + topic + "'.");
                    status = 1;
                } else {
                    c.outln(topic + ": " + text);
                }
            }
            return status;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("GNU bash, version 5.1.16(1)-release (x86_64-pc-linux-gnu)\n");
        sb.append("These shell commands are defined internally.  Type `help name' to find out more about `name'.\n\n");
        sb.append("Shell builtins:\n");
        wrap(sb, Commands.builtinNames());
        sb.append("\nTools:\n");
        wrap(sb, Commands.toolNames());
        List<String> programs = new ArrayList<>(c.node().programNames());
        programs.sort(null);
        if (!programs.isEmpty()) {
            sb.append("\nPrograms on ").append(c.node().hostname()).append(":\n");
            wrap(sb, programs);
        }
        c.out(sb.toString());
        return 0;
    }

    private static void wrap(StringBuilder sb, List<String> names) {
        StringBuilder line = new StringBuilder(" ");
        for (String n : names) {
            if (line.length() + n.length() + 1 > 78) {
                sb.append(line).append('\n');
                line = new StringBuilder(" ");
            }
            line.append(' ').append(n);
        }
        if (line.length() > 1) sb.append(line).append('\n');
    }

    static int read(Call c) {
        boolean raw = false;
        String prompt = null;
        List<String> names = new ArrayList<>();
        List<String> a = c.args;
        for (int i = 0; i < a.size(); i++) {
            String arg = a.get(i);
            if (names.isEmpty() && arg.startsWith("-") && arg.length() > 1) {
                for (int j = 1; j < arg.length(); j++) {
                    char ch = arg.charAt(j);
                    if (ch == 'r') {
                        raw = true;
                    } else if (ch == 's' || ch == 'e') {
                        continue;
                    } else if (ch == 'p' || ch == 't' || ch == 'n' || ch == 'd' || ch == 'u') {
                        String v = j + 1 < arg.length() ? arg.substring(j + 1) : (i + 1 < a.size() ? a.get(++i) : null);
                        if (v == null) {
                            c.errln("bash: read: -" + ch + ": option requires an argument");
                            c.errln("read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]");
                            return 2;
                        }
                        if (ch == 'p') prompt = v;
                        break;
                    } else {
                        c.errln("bash: read: -" + ch + ": invalid option");
                        c.errln("read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]");
                        return 2;
                    }
                }
            } else {
                if (!Parser.isName(arg)) {
                    c.errln("bash: read: `" + arg + "': not a valid identifier");
                    return 1;
                }
                names.add(arg);
            }
        }
        if (prompt != null && c.in().isTerminal()) c.err(prompt);
        Optional<String> first = c.in().readLine();
        String line = first.orElse("");
        if (!raw) {
            while (line.endsWith("\\") && !line.endsWith("\\\\")) {
                Optional<String> more = c.in().readLine();
                line = line.substring(0, line.length() - 1) + more.orElse("");
                if (more.isEmpty()) break;
            }
            line = unescape(line);
        }
        if (names.isEmpty()) {
            c.session().set("REPLY", line);
        } else {
            String ifs = c.session().get("IFS") == null ? " \t\n" : c.session().get("IFS");
            List<String> fields = splitForRead(line, ifs, names.size());
            for (int i = 0; i < names.size(); i++) c.session().set(names.get(i), i < fields.size() ? fields.get(i) : "");
        }
        return first.isPresent() ? 0 : 1;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) ch = s.charAt(++i);
            sb.append(ch);
        }
        return sb.toString();
    }

    private static List<String> splitForRead(String line, String ifs, int n) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int len = line.length();
        while (i < len && ifs.indexOf(line.charAt(i)) >= 0 && Character.isWhitespace(line.charAt(i))) i++;
        while (i < len) {
            if (out.size() == n - 1) {
                int end = len;
                while (end > i && ifs.indexOf(line.charAt(end - 1)) >= 0 && Character.isWhitespace(line.charAt(end - 1))) end--;
                out.add(line.substring(i, end));
                return out;
            }
            int start = i;
            while (i < len && ifs.indexOf(line.charAt(i)) < 0) i++;
            out.add(line.substring(start, i));
            if (i < len && !Character.isWhitespace(line.charAt(i))) i++;
            while (i < len && ifs.indexOf(line.charAt(i)) >= 0 && Character.isWhitespace(line.charAt(i))) i++;
        }
        return out;
    }

    static int loopControl(Call c) {
        boolean isContinue = c.name.equals("continue");
        int n = 1;
        if (!c.args.isEmpty()) {
            try {
                n = Integer.parseInt(c.args.get(0));
            } catch (NumberFormatException e) {
                return c.builtinFail(1, c.args.get(0) + ": numeric argument required");
            }
            if (n < 1) return c.builtinFail(1, n + ": loop count out of range");
        }
        if (!c.sh.inLoop()) {
            c.errln("bash: " + c.name + ": only meaningful in a `for', `while', or `until' loop");
            return 0;
        }
        throw new ControlFlow.Loop(n, isContinue);
    }

    static int ret(Call c) {
        int status = c.session().status;
        if (!c.args.isEmpty()) {
            try {
                status = (int) (Long.parseLong(c.args.get(0)) & 0xFF);
            } catch (NumberFormatException e) {
                c.errln("bash: return: " + c.args.get(0) + ": numeric argument required");
                status = 2;
            }
        }
        throw new ControlFlow.Return(status);
    }

    /** {@code local} and {@code declare}: plain assignments here (no dynamic scoping). */
    static int declare(Call c) {
        int status = 0;
        boolean export = false;
        for (String a : c.args) {
            if (a.startsWith("-") || a.startsWith("+")) {
                if (a.contains("x") && a.startsWith("-")) export = true;
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!Parser.isName(name)) {
                c.errln("bash: " + c.name + ": `" + a + "': not a valid identifier");
                status = 1;
                continue;
            }
            if (eq >= 0) c.session().set(name, a.substring(eq + 1));
            else if (!c.session().isSet(name)) c.session().set(name, "");
            if (export) c.session().export(name);
        }
        return status;
    }

    static int set(Call c) {
        if (c.args.isEmpty()) {
            TreeMap<String, String> sorted = new TreeMap<>();
            for (String n : c.session().names()) sorted.put(n, c.session().get(n));
            for (Map.Entry<String, String> e : sorted.entrySet()) c.outln(e.getKey() + "=" + quoteIfNeeded(e.getValue()));
            return 0;
        }
        for (String a : c.args) {
            if (!a.startsWith("-") && !a.startsWith("+")) break;
        }
        return 0;
    }

    private static String quoteIfNeeded(String v) {
        for (char ch : v.toCharArray()) {
            if (!Character.isLetterOrDigit(ch) && "_-./:,@%+=".indexOf(ch) < 0) return "'" + v.replace("'", "'\\''") + "'";
        }
        return v;
    }

    static int alias(Call c) {
        java.util.Map<String, String> aliases = c.session().aliases;
        if (c.args.isEmpty() || c.args.equals(List.of("-p"))) {
            for (String name : new java.util.TreeSet<>(aliases.keySet())) c.outln("alias " + name + "='" + aliases.get(name).replace("'", "'\\''") + "'");
            return 0;
        }
        int status = 0;
        for (String a : c.args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                String name = a.substring(0, eq);
                if (name.chars().anyMatch(ch -> "/$`=\"' \t|&;()<>".indexOf(ch) >= 0)) {
                    c.errln("bash: alias: `" + name + "': invalid alias name");
                    status = 1;
                } else {
                    aliases.put(name, a.substring(eq + 1));
                }
            } else if (aliases.containsKey(a)) {
                c.outln("alias " + a + "='" + aliases.get(a).replace("'", "'\\''") + "'");
            } else {
                c.errln("bash: alias: " + a + ": not found");
                status = 1;
            }
        }
        return status;
    }

    static int unalias(Call c) {
        if (c.args.isEmpty()) {
            c.errln("unalias: usage: unalias [-a] name [name ...]");
            return 2;
        }
        int status = 0;
        for (String a : c.args) {
            if (a.equals("-a")) c.session().aliases.clear();
            else if (c.session().aliases.remove(a) == null) {
                c.errln("bash: unalias: " + a + ": not found");
                status = 1;
            }
        }
        return status;
    }

    static int type(Call c) {
        boolean terse = false;
        int status = 0;
        for (String name : c.args) {
            if (name.equals("-t")) {
                terse = true;
                continue;
            }
            if (name.startsWith("-") && name.length() > 1) continue;
            String kind;
            String text;
            if (c.session().aliases.containsKey(name)) {
                kind = "alias";
                text = name + " is aliased to `" + c.session().aliases.get(name) + "'";
            } else if (Commands.KEYWORDS.contains(name)) {
                kind = "keyword";
                text = name + " is a shell keyword";
            } else if (c.session().functions.containsKey(name)) {
                kind = "function";
                text = name + " is a function";
            } else if (Commands.isBuiltin(name)) {
                kind = "builtin";
                text = name + " is a shell builtin";
            } else if (Commands.get(name) != null || c.node().program(name).isPresent()) {
                kind = "file";
                text = name + " is /usr/bin/" + name;
            } else {
                if (!terse) c.errln("bash: type: " + name + ": not found");
                status = 1;
                continue;
            }
            c.outln(terse ? kind : text);
        }
        return status;
    }

    static int which(Call c) {
        int status = 0;
        boolean any = false;
        for (String name : c.args) {
            if (name.startsWith("-")) continue;
            any = true;
            boolean found = (Commands.get(name) != null && !Commands.isBuiltinOnly(name)) || c.node().program(name).isPresent();
            if (found) c.outln("/usr/bin/" + name);
            else status = 1;
        }
        return any ? status : 1;
    }

    static int echo(Call c) {
        List<String> a = c.args;
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < a.size() && a.get(i).length() > 1 && a.get(i).startsWith("-") && a.get(i).substring(1).chars().allMatch(ch -> "neE".indexOf(ch) >= 0)) {
            for (char ch : a.get(i).substring(1).toCharArray()) {
                if (ch == 'n') newline = false;
                else if (ch == 'e') escapes = true;
                else escapes = false;
            }
            i++;
        }
        String text = String.join(" ", a.subList(i, a.size()));
        if (escapes) {
            StringBuilder sb = new StringBuilder();
            if (Escapes.apply(text, sb, false)) {
                c.out(sb.toString());
                return 0;
            }
            text = sb.toString();
        }
        c.out(newline ? text + "\n" : text);
        return 0;
    }

    static int bash(Call c) {
        List<String> a = c.args;
        int i = 0;
        while (i < a.size() && a.get(i).startsWith("-") && !a.get(i).equals("-c") && a.get(i).length() > 1) i++;
        if (i < a.size() && a.get(i).equals("-c")) {
            if (i + 1 >= a.size()) return c.builtinFail(2, "-c: option requires an argument");
            List<String> params = a.size() > i + 3 ? a.subList(i + 3, a.size()) : List.of();
            return c.sh.runChildScript(a.get(i + 1), c.name, params, c.env, c.frame);
        }
        if (i >= a.size()) {
            if (c.in().isTerminal()) {
                c.sh.shell.enterSubshell(c.session(), c.env);
                return 0;
            }
            return c.sh.runChildScript(c.in().readAll(), c.name, List.of(), c.env, c.frame);
        }
        String file = a.get(i);
        String path = c.path(file);
        Optional<VirtualFs.FileEntry> entry = c.fs().file(path);
        if (c.fs().isDirectory(path)) {
            c.errln(c.name + ": " + file + ": Is a directory");
            return 126;
        }
        if (entry.isEmpty()) {
            c.errln(c.name + ": " + file + ": No such file or directory");
            return 127;
        }
        if (!Perms.canRead(entry.get(), c.user())) {
            c.errln(c.name + ": " + file + ": Permission denied");
            return 126;
        }
        return c.sh.runChildScript(entry.get().content(), file, a.subList(i + 1, a.size()), c.env, c.frame);
    }

    static int test(Call c) {
        List<String> a = c.args;
        if (c.name.equals("[")) {
            if (a.isEmpty() || !a.get(a.size() - 1).equals("]")) return c.builtinFail(2, "missing `]'");
            a = a.subList(0, a.size() - 1);
        }
        try {
            return TestOps.test(a, c.session()) ? 0 : 1;
        } catch (TestOps.Error e) {
            return c.builtinFail(2, e.getMessage());
        }
    }
}
