package novalab.engine.cli.az;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import novalab.engine.shell.Invocation;

/** knack's help screens (welcome, group, command), {@code az --version}, and the "Did you mean" suggestion. */
final class AzHelp {
    private AzHelp() {}

    static String version(Invocation inv) {
        return """
                azure-cli                         2.45.0

                core                              2.45.0
                telemetry                          1.0.8

                Dependencies:
                msal                              1.20.0
                azure-mgmt-resource               21.1.0b1

                Python location '/usr/bin/python3'
                Extensions directory '%s/.azure/cliextensions'

                Python (Linux) 3.11.2 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0]

                Legal docs and information: aka.ms/AzureCliLegal

                """.formatted(inv.node().home());
    }

    static String welcome(List<String> names) {
        return """

                Welcome to Azure CLI!
                ---------------------
                Use `az -h` to see available commands or go to https://aka.ms/cli.
                """ + group("", names);
    }

    /** The words that follow {@code group} in any command name. */
    static List<String> children(String group, List<String> names) {
        TreeSet<String> out = new TreeSet<>();
        int depth = group.isEmpty() ? 0 : group.split(" ").length;
        for (String n : names) {
            if (!group.isEmpty() && !n.startsWith(group + " ")) continue;
            String[] w = n.split(" ");
            if (w.length > depth) out.add(w[depth]);
        }
        return new ArrayList<>(out);
    }

    static String group(String group, List<String> names) {
        StringBuilder sb = new StringBuilder("\nGroup\n    az" + (group.isEmpty() ? "" : " " + group) + "\n\n");
        List<String> subgroups = new ArrayList<>();
        List<String> cmds = new ArrayList<>();
        for (String child : children(group, names)) {
            String full = group.isEmpty() ? child : group + " " + child;
            if (names.contains(full)) cmds.add(child);
            else subgroups.add(child);
        }
        if (!subgroups.isEmpty()) {
            sb.append("Subgroups:\n");
            subgroups.forEach(s -> sb.append("    ").append(s).append('\n'));
            sb.append('\n');
        }
        if (!cmds.isEmpty()) {
            sb.append("Commands:\n");
            cmds.forEach(s -> sb.append("    ").append(s).append('\n'));
            sb.append('\n');
        }
        sb.append("To search AI knowledge base for examples, use: az find \"az").append(group.isEmpty() ? "" : " " + group).append("\"\n\n");
        return sb.toString();
    }

    static String command(String name, AzArgs.Spec spec) {
        StringBuilder sb = new StringBuilder("\nCommand\n    az " + name + " : " + spec.summary + "\n\nArguments\n");
        List<AzArgs.Opt> globals = spec.opts.stream().filter(o -> isGlobal(o.key())).toList();
        for (AzArgs.Opt o : spec.opts) {
            if (isGlobal(o.key())) continue;
            sb.append(line(o));
        }
        sb.append("\nGlobal Arguments\n");
        for (AzArgs.Opt o : globals) sb.append(line(o));
        sb.append("\nTo search AI knowledge base for examples, use: az find \"az ").append(name).append("\"\n\n");
        return sb.toString();
    }

    private static boolean isGlobal(String key) {
        return List.of("--output", "--query", "--only-show-errors", "--verbose", "--debug", "--subscription").contains(key);
    }

    private static String line(AzArgs.Opt o) {
        String names = String.join(" ", o.names());
        String req = o.required() ? " [Required]" : "";
        String choices = o.choices().isEmpty() ? "" : "  Allowed values: " + String.join(", ", o.choices()) + ".";
        return "    " + names + req + " : " + o.help() + choices + "\n";
    }

    /** The closest known word (prefix or at most two edits), as azure-cli's recommender offers it. */
    static Optional<String> suggest(String bad, List<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = c.startsWith(bad) ? 1 : distance(bad, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
