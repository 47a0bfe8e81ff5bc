package novalab.web.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises a typed command so that spelling differences a shell ignores do not matter: a leading
 * {@code $ } prompt, extra spaces, quotes, {@code --opt=value} against {@code --opt value}, and the order of the
 * options. The words (command, sub-commands, names) keep their order; each option with its value is one group;
 * groups are sorted. Options listed in {@link #FLAGS} take no value. In an accepted form, an option value
 * {@code *} accepts any value ({@code --description *}).
 */
public final class CommandForms {
    static final Set<String> FLAGS = Set.of("--wait", "--public", "--private", "--ingress", "--egress", "--insecure",
            "--all-projects", "--long", "--debug", "--enable", "--disable", "--generate-ssh-keys", "--no-wait", "-l");

    private static final Pattern NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

    private CommandForms() {}

    /** The normalised command as one line. */
    public static String normalise(String typed) {
        return String.join(" ", units(typed));
    }

    /** Whether {@code typed} is the command {@code accepted} describes (same words, same options, values equal or {@code *}). */
    public static boolean matches(String accepted, String typed) {
        List<String> a = units(accepted);
        List<String> t = units(typed);
        if (a.size() != t.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = t.get(i);
            boolean wild = x.endsWith(" *") && y.startsWith(x.substring(0, x.length() - 1)) && y.length() > x.length() - 1;
            if (!x.equals(y) && !wild) return false;
        }
        return true;
    }

    /** The words in order, then the option groups sorted. */
    static List<String> units(String typed) {
        String s = typed.strip();
        if (s.startsWith("$ ")) s = s.substring(2).strip();
        List<String> tokens = new ArrayList<>();
        for (String t : tokenise(s)) {
            int eq = t.indexOf('=');
            if (t.startsWith("--") && eq > 2) {
                tokens.add(t.substring(0, eq));
                tokens.add(t.substring(eq + 1));
            } else {
                tokens.add(t);
            }
        }
        List<String> words = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.startsWith("-") && t.length() > 1 && !NUMBER.matcher(t).matches()) {
                boolean takesValue = !FLAGS.contains(t) && i + 1 < tokens.size() && (!tokens.get(i + 1).startsWith("-") || NUMBER.matcher(tokens.get(i + 1)).matches())
                        && !tokens.get(i + 1).equals(">");
                groups.add(takesValue ? t + " " + tokens.get(++i) : t);
            } else {
                words.add(t);
            }
        }
        groups.sort(null);
        List<String> out = new ArrayList<>(words);
        out.addAll(groups);
        return out;
    }

    private static List<String> tokenise(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean any = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
            }
        }
        if (any || cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
