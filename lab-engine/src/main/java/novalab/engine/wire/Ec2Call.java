package novalab.engine.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One EC2 Query API request ({@code Action=…&Version=2016-11-15&…}) as the dispatcher sees it and as a history records
 * it: the form-encoded parameters, from a POST body or a GET query string. The access key that chose the sandbox is
 * not part of it (the front end resolves it before the call reaches the sandbox).
 *
 * @param form the raw {@code application/x-www-form-urlencoded} parameters (no newlines)
 */
public record Ec2Call(String form) {
    /** How a history line recording an EC2 request starts. */
    public static final String LINE_PREFIX = "__ec2 ";

    public Ec2Call {
        form = form.replace("\r", "").replace("\n", "").strip();
    }

    /** The parameters in order; a name given twice keeps its first value. Undecodable text is kept raw. */
    public Map<String, String> params() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : form.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            m.putIfAbsent(decode(eq < 0 ? part : part.substring(0, eq)), decode(eq < 0 ? "" : part.substring(eq + 1)));
        }
        return m;
    }

    /** The {@code Action} parameter, empty when missing. */
    public String action() { return params().getOrDefault("Action", ""); }

    /** {@code __ec2 <form>}: the line a student's history shows for this request. */
    public String historyLine() { return LINE_PREFIX + form; }

    /** The call a {@link #historyLine()} describes, if the line is one. */
    public static Optional<Ec2Call> fromHistoryLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) return Optional.empty();
        return Optional.of(new Ec2Call(line.substring(LINE_PREFIX.length())));
    }

    /** Numbered members {@code prefix.1}, {@code prefix.2}, … of a parameter map, in index order, until the first gap. */
    public static List<String> members(Map<String, String> params, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; params.containsKey(prefix + "." + i); i++) out.add(params.get(prefix + "." + i));
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
