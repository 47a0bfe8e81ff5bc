package novalab.engine.shell;

import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.List;

/** bash's {@code printf}: %s %b %c %d %i %u %o %x %X %f %e %g %q %% with flags, width and precision; the format repeats while arguments remain. */
final class Printf {
    private final Call c;
    private final List<String> args;
    private int next;
    private int status;
    private boolean stop;

    private Printf(Call c, List<String> args) {
        this.c = c;
        this.args = args;
    }

    static int run(Call c) {
        List<String> a = c.args;
        String var = null;
        int i = 0;
        if (i < a.size() && a.get(i).equals("-v")) {
            if (a.size() < 2) return usage(c);
            var = a.get(1);
            i = 2;
        }
        if (i < a.size() && a.get(i).equals("--")) i++;
        if (i >= a.size()) return usage(c);
        if (a.get(i).startsWith("-") && a.get(i).length() > 1 && var == null && !a.get(i).equals("-")) {
            c.errln("bash: printf: " + a.get(i).substring(0, 2) + ": invalid option");
            c.errln("printf: usage: printf [-v var] format [arguments]");
            return 2;
        }
        Printf p = new Printf(c, a.subList(i + 1, a.size()));
        StringBuilder out = new StringBuilder();
        String fmt = a.get(i);
        do {
            int before = p.next;
            p.once(fmt, out);
            if (p.next == before) break;
        } while (p.next < p.args.size() && !p.stop);
        if (var != null) {
            if (!Parser.isName(var)) {
                c.errln("bash: printf: `" + var + "': not a valid identifier");
                return 2;
            }
            c.session().set(var, out.toString());
        } else {
            c.out(out.toString());
        }
        return p.status;
    }

    private static int usage(Call c) {
        c.errln("bash: printf: usage: printf [-v var] format [arguments]");
        return 2;
    }

    private String arg() { return next < args.size() ? args.get(next++) : null; }

    private void once(String fmt, StringBuilder out) {
        int n = fmt.length();
        int i = 0;
        while (i < n && !stop) {
            char ch = fmt.charAt(i);
            if (ch == '\\') {
                int end = i + 2;
                if (i + 1 < n && "01234567".indexOf(fmt.charAt(i + 1)) >= 0) {
                    while (end < n && end - i < 4 && fmt.charAt(end) >= '0' && fmt.charAt(end) <= '7') end++;
                } else if (i + 1 < n && fmt.charAt(i + 1) == 'x') {
                    while (end < n && end - i < 4 && Character.digit(fmt.charAt(end), 16) >= 0) end++;
                }
                end = Math.min(end, n);
                if (Escapes.apply(fmt.substring(i, end), out, true)) {
                    stop = true;
                    return;
                }
                i = end;
                continue;
            }
            if (ch != '%') {
                out.append(ch);
                i++;
                continue;
            }
            int start = i++;
            StringBuilder flags = new StringBuilder();
            while (i < n && "-+ #0".indexOf(fmt.charAt(i)) >= 0) flags.append(fmt.charAt(i++));
            String width = "";
            if (i < n && fmt.charAt(i) == '*') {
                width = Long.toString(number(arg(), true));
                i++;
            } else {
                int s = i;
                while (i < n && Character.isDigit(fmt.charAt(i))) i++;
                width = fmt.substring(s, i);
            }
            String precision = "";
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                if (i < n && fmt.charAt(i) == '*') {
                    precision = "." + number(arg(), true);
                    i++;
                } else {
                    int s = i;
                    while (i < n && Character.isDigit(fmt.charAt(i))) i++;
                    precision = "." + (i == s ? "0" : fmt.substring(s, i));
                }
            }
            while (i < n && "hlLqjzt".indexOf(fmt.charAt(i)) >= 0 && fmt.charAt(i) != 'q') i++;
            if (i >= n) {
                c.errln("bash: printf: `" + fmt.substring(start) + "': missing format character");
                status = 1;
                stop = true;
                return;
            }
            char conv = fmt.charAt(i++);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            String f = flags.toString();
            if (width.isEmpty()) f = f.replace("-", "").replace("0", "");
            String spec = "%" + f + width;
            switch (conv) {
                case 's': format(out, spec + precision + "s", orEmpty(arg())); break;
                case 'b': {
                    StringBuilder sb = new StringBuilder();
                    if (Escapes.apply(orEmpty(arg()), sb, false)) stop = true;
                    format(out, spec + precision + "s", sb.toString());
                    break;
                }
                case 'q': format(out, spec + "s", quote(orEmpty(arg()))); break;
                case 'c': {
                    String a = orEmpty(arg());
                    format(out, spec + "s", a.isEmpty() ? "" : a.substring(0, 1));
                    break;
                }
                case 'd': case 'i': format(out, spec.replace("#", "") + "d", number(arg(), true)); break;
                case 'u': format(out, spec.replace("#", "") + "d", number(arg(), true)); break;
                case 'o': case 'x': case 'X': format(out, spec.replace("+", "").replace(" ", "") + conv, number(arg(), true)); break;
                case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
                    format(out, spec + precision + (conv == 'F' ? 'f' : conv), decimal(arg()));
                    break;
                default:
                    c.errln("bash: printf: `" + conv + "': invalid format character");
                    status = 1;
                    stop = true;
                    return;
            }
        }
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    private void format(StringBuilder out, String spec, Object value) {
        try {
            out.append(String.format(Locale.ROOT, spec, value));
        } catch (IllegalFormatException e) {
            out.append(value);
        }
    }

    private long number(String a, boolean report) {
        if (a == null || a.isEmpty()) return 0;
        String t = a.strip();
        if ((t.startsWith("'") || t.startsWith("\"")) && t.length() > 1) return t.codePointAt(1);
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseLong(t.substring(2), 16);
            if (t.length() > 1 && t.startsWith("0")) return Long.parseLong(t.substring(1), 8);
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            if (report) {
                c.errln("bash: printf: " + a + ": invalid number");
                status = 1;
            }
            return 0;
        }
    }

    private double decimal(String a) {
        if (a == null || a.isEmpty()) return 0;
        try {
            return Double.parseDouble(a.strip());
        } catch (NumberFormatException e) {
            c.errln("bash: printf: " + a + ": invalid number");
            status = 1;
            return 0;
        }
    }

    private static String quote(String s) {
        if (s.isEmpty()) return "''";
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (!Character.isLetterOrDigit(ch) && "_-./:,@%+=".indexOf(ch) < 0) sb.append('\\');
            sb.append(ch);
        }
        return sb.toString();
    }
}
