package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Tab completion: command names for the first word, variables after {@code $}; past the first word, what the
 * program offers as a {@link Completer}, else paths on the current machine. Reads only.
 */
final class Completion {
    /** Words that may stand before the command itself ({@code sudo openstack ...}, {@code do openstack ...}). */
    private static final java.util.Set<String> LEADERS = java.util.Set.of("sudo", "time", "!", "do", "then", "else", "{");

    private Completion() { }

    static List<String> candidates(String line, Session s) {
        int start = line.length();
        while (start > 0 && !isBreak(line.charAt(start - 1))) start--;
        String word = line.substring(start);
        String before = line.substring(0, start).stripTrailing();
        boolean commandPosition = before.isEmpty() || "|;&(".indexOf(before.charAt(before.length() - 1)) >= 0
                || before.endsWith("sudo") && before.trim().equals("sudo") || before.endsWith("xargs") && before.trim().equals("xargs");
        TreeSet<String> out = new TreeSet<>();
        if (word.startsWith("$")) {
            String prefix = word.substring(1);
            for (String name : s.names()) if (name.startsWith(prefix)) out.add("$" + name);
            return List.copyOf(out);
        }
        if (commandPosition && word.indexOf('/') < 0) {
            for (String name : Commands.names()) if (name.startsWith(word)) out.add(name);
            for (String name : s.node.programNames()) if (name.startsWith(word)) out.add(name);
            for (String name : s.functions.keySet()) if (name.startsWith(word)) out.add(name);
            return List.copyOf(out);
        }
        List<String> words = commandWords(line.substring(0, start));
        if (!words.isEmpty()) {
            Optional<Program> program = s.node.program(words.get(0));
            if (program.isPresent() && program.get() instanceof Completer completer) {
                try {
                    out.addAll(completer.complete(new CompletionRequest(words, word, s.node, s.exportedEnv())));
                } catch (RuntimeException e) {
                    out.clear();
                }
                if (!out.isEmpty()) return List.copyOf(out);
            }
        }
        return paths(word, s);
    }

    /**
     * The words of the simple command the cursor is in, before the partial word: after the last
     * {@code |}, {@code ;}, {@code &}, {@code (} (so inside {@code $(...)}) or backquote outside quotes, split on blanks,
     * quotes removed, without a leading {@code sudo}, {@code do}, {@code then}, ... or {@code NAME=value} assignments.
     */
    static List<String> commandWords(String before) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (quote == '"' && (c == '$' && i + 1 < before.length() && before.charAt(i + 1) == '(' || c == '`')) {
                // a command substitution inside double quotes starts a command of its own
                if (c == '$') i++;
                words.clear();
                cur.setLength(0);
                inWord = false;
                quote = 0;
                continue;
            }
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
                continue;
            }
            if (c == '\\' && i + 1 < before.length()) {
                cur.append(before.charAt(++i));
                inWord = true;
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if ("|;&(`\n".indexOf(c) >= 0) {
                words.clear();
                cur.setLength(0);
                inWord = false;
            } else if (c == ' ' || c == '\t') {
                if (inWord) words.add(cur.toString());
                cur.setLength(0);
                inWord = false;
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) words.add(cur.toString());
        while (!words.isEmpty() && (LEADERS.contains(words.get(0)) || words.get(0).matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) words.remove(0);
        return words;
    }

    private static boolean isBreak(char c) {
        return c == ' ' || c == '\t' || c == ';' || c == '|' || c == '&' || c == '(' || c == '<' || c == '>' || c == '=';
    }

    private static List<String> paths(String word, Session s) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        String prefix = word.substring(slash + 1);
        String dir = dirPart.isEmpty() ? s.cwd : s.path(dirPart);
        VirtualFs fs = s.node.fs();
        List<String> out = new ArrayList<>();
        if (!fs.isDirectory(dir)) return out;
        for (String name : fs.list(dir)) {
            if (!name.startsWith(prefix)) continue;
            if (name.startsWith(".") && !prefix.startsWith(".")) continue;
            String full = dir.equals("/") ? "/" + name : dir + "/" + name;
            out.add(dirPart + name + (fs.isDirectory(full) ? "/" : ""));
        }
        out.sort(null);
        return out;
    }
}
