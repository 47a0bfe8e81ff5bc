package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Tab completion: command names for the first word, variables after {@code $}, else paths on the current machine. */
final class Completion {
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
        return paths(word, s);
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
