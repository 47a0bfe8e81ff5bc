package novalab.engine.shell;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Commands about the machine and time: clear, sleep, whoami, hostname, date, env, printenv. */
final class SystemCommands {
    private SystemCommands() { }

    static int clear(Call c) {
        c.out("\u001b[H\u001b[2J");
        return 0;
    }

    /** {@code sleep N[smhd]...}: advances the simulated clock (fractions allowed). */
    static int sleep(Call c) {
        if (c.args.isEmpty()) return c.usage(1, "missing operand");
        double seconds = 0;
        for (String a : c.args) {
            double v = seconds(a);
            if (Double.isNaN(v)) return c.usage(1, "invalid time interval '" + a + "'");
            seconds += v;
        }
        long ms = Math.min(Math.round(seconds * 1000), 100L * 365 * 24 * 3600 * 1000);
        c.sh.shell.sleep(ms);
        return 0;
    }

    private static double seconds(String a) {
        if (a.isEmpty()) return Double.NaN;
        double mult = 1;
        String num = a;
        char last = a.charAt(a.length() - 1);
        if ("smhd".indexOf(last) >= 0) {
            mult = last == 's' ? 1 : last == 'm' ? 60 : last == 'h' ? 3600 : 86400;
            num = a.substring(0, a.length() - 1);
        }
        if (num.isEmpty() || !num.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || ch == '.')) return Double.NaN;
        try {
            return Double.parseDouble(num) * mult;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static int whoami(Call c) {
        if (!c.args.isEmpty()) return c.usage(1, "extra operand '" + c.args.get(0) + "'");
        c.outln(c.user());
        return 0;
    }

    static int hostname(Call c) {
        for (String a : c.args) {
            if (!a.startsWith("-")) return c.fail(1, "you must be root to change the host name");
        }
        c.outln(c.node().hostname());
        return 0;
    }

    static int date(Call c) {
        ZonedDateTime t = c.sh.shell.clock().now().atZone(ZoneOffset.UTC);
        String format = "%a %b %e %H:%M:%S %Z %Y";
        for (int i = 0; i < c.args.size(); i++) {
            String a = c.args.get(i);
            if (a.startsWith("+")) {
                format = a.substring(1);
            } else if (a.equals("-u") || a.equals("--utc") || a.equals("--universal")) {
                continue;
            } else if (a.equals("-R") || a.equals("--rfc-email")) {
                format = "%a, %d %b %Y %H:%M:%S +0000";
            } else if (a.startsWith("-I") || a.startsWith("--iso-8601")) {
                String spec = a.startsWith("-I") ? a.substring(2) : a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
                switch (spec) {
                    case "": case "date": format = "%Y-%m-%d"; break;
                    case "hours": format = "%Y-%m-%dT%H+00:00"; break;
                    case "minutes": format = "%Y-%m-%dT%H:%M+00:00"; break;
                    case "seconds": format = "%Y-%m-%dT%H:%M:%S+00:00"; break;
                    case "ns": format = "%Y-%m-%dT%H:%M:%S,%N+00:00"; break;
                    default: return c.usage(1, "invalid argument '" + spec + "' for '--iso-8601'");
                }
            } else if (a.equals("-d") || a.startsWith("--date") || a.startsWith("-d")) {
                String v = a.equals("-d") || a.equals("--date") ? (i + 1 < c.args.size() ? c.args.get(++i) : "") : a.substring(a.indexOf(a.startsWith("--") ? '=' : 'd') + 1);
                if (v.startsWith("@")) {
                    try {
                        t = java.time.Instant.ofEpochSecond(Long.parseLong(v.substring(1))).atZone(ZoneOffset.UTC);
                        continue;
                    } catch (NumberFormatException | java.time.DateTimeException e) {
                        return c.fail(1, "invalid date '" + v + "'");
                    }
                }
                if (!v.equals("now")) return c.fail(1, "invalid date '" + v + "'");
            } else if (a.startsWith("-") && a.length() > 1) {
                return c.usage(1, "invalid option -- '" + a.charAt(1) + "'");
            } else {
                return c.fail(1, "invalid date '" + a + "'");
            }
        }
        c.outln(strftime(format, t));
        return 0;
    }

    static String strftime(String fmt, ZonedDateTime t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch != '%' || i + 1 >= fmt.length()) {
                sb.append(ch);
                continue;
            }
            char f = fmt.charAt(++i);
            switch (f) {
                case 'Y': sb.append(t.getYear()); break;
                case 'y': sb.append(two(t.getYear() % 100)); break;
                case 'C': sb.append(two(t.getYear() / 100)); break;
                case 'm': sb.append(two(t.getMonthValue())); break;
                case 'd': sb.append(two(t.getDayOfMonth())); break;
                case 'e': sb.append(t.getDayOfMonth() < 10 ? " " : "").append(t.getDayOfMonth()); break;
                case 'H': sb.append(two(t.getHour())); break;
                case 'k': sb.append(t.getHour() < 10 ? " " : "").append(t.getHour()); break;
                case 'I': sb.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12)); break;
                case 'l': {
                    int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
                    sb.append(h < 10 ? " " : "").append(h);
                    break;
                }
                case 'M': sb.append(two(t.getMinute())); break;
                case 'S': sb.append(two(t.getSecond())); break;
                case 'N': sb.append(String.format(Locale.ROOT, "%09d", t.getNano())); break;
                case 's': sb.append(t.toEpochSecond()); break;
                case 'p': sb.append(t.getHour() < 12 ? "AM" : "PM"); break;
                case 'P': sb.append(t.getHour() < 12 ? "am" : "pm"); break;
                case 'a': sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); break;
                case 'A': sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)); break;
                case 'b': case 'h': sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)); break;
                case 'B': sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)); break;
                case 'j': sb.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear())); break;
                case 'u': sb.append(t.getDayOfWeek().getValue()); break;
                case 'w': sb.append(t.getDayOfWeek().getValue() % 7); break;
                case 'Z': sb.append("UTC"); break;
                case 'z': sb.append("+0000"); break;
                case 'F': sb.append(strftime("%Y-%m-%d", t)); break;
                case 'T': sb.append(strftime("%H:%M:%S", t)); break;
                case 'R': sb.append(strftime("%H:%M", t)); break;
                case 'D': sb.append(strftime("%m/%d/%y", t)); break;
                case 'c': sb.append(strftime("%a %b %e %H:%M:%S %Y", t)); break;
                case 'x': sb.append(strftime("%m/%d/%y", t)); break;
                case 'X': sb.append(strftime("%H:%M:%S", t)); break;
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case '%': sb.append('%'); break;
                default: sb.append('%').append(f);
            }
        }
        return sb.toString();
    }

    private static String two(int v) { return v < 10 ? "0" + v : Integer.toString(v); }

    /** {@code env}: prints the environment, or runs a command with extra variables ({@code env A=1 cmd}). */
    static int env(Call c) {
        Map<String, String> env = new LinkedHashMap<>(c.env);
        Map<String, String> extra = new LinkedHashMap<>();
        List<String> a = c.args;
        int i = 0;
        boolean ignore = false;
        for (; i < a.size(); i++) {
            String s = a.get(i);
            if (s.equals("-i") || s.equals("-") || s.equals("--ignore-environment")) {
                ignore = true;
            } else if (s.equals("-u") && i + 1 < a.size()) {
                env.remove(a.get(++i));
            } else if (s.startsWith("-") && s.length() > 1 && !s.equals("--")) {
                return c.usage(125, "invalid option -- '" + s.charAt(1) + "'");
            } else if (s.indexOf('=') > 0) {
                extra.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
            } else {
                if (s.equals("--")) i++;
                break;
            }
        }
        java.util.Set<String> removed = new java.util.LinkedHashSet<>(c.env.keySet());
        removed.removeAll(env.keySet());
        if (ignore) {
            removed.addAll(env.keySet());
            env.clear();
        }
        env.putAll(extra);
        if (i >= a.size()) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : env.entrySet()) sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            c.out(sb.toString());
            return 0;
        }
        List<String> argv = a.subList(i, a.size());
        if (!c.sh.isCommand(argv.get(0), c.session()) && argv.get(0).indexOf('/') < 0) {
            return c.fail(127, "'" + argv.get(0) + "': No such file or directory");
        }
        Map<String, String> change = new LinkedHashMap<>();
        removed.forEach(k -> change.put(k, Interpreter.UNSET));
        change.putAll(extra);
        return c.sh.runArgv(argv, change, c.frame);
    }

    static int printenv(Call c) {
        if (c.args.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : c.env.entrySet()) sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            c.out(sb.toString());
            return 0;
        }
        int status = 0;
        for (String name : c.args) {
            if (name.startsWith("-")) return c.usage(2, "invalid option -- '" + (name.length() > 1 ? name.charAt(1) : '-') + "'");
            String v = c.env.get(name);
            if (v == null) status = 1;
            else c.outln(v);
        }
        return status;
    }
}
