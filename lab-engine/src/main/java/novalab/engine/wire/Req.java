package novalab.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.Sandbox;

/** A call being served: the sandbox, the service's base URL, the decoded path segments below the service, the query. */
final class Req {
    final Sandbox box;
    final ApiCall call;
    /** {@code http://host:port/sandbox/<id>}. */
    final String base;
    /** Decoded path segments after the service name (empty strings dropped). */
    final List<String> seg;
    final boolean trailingSlash;
    final Map<String, List<String>> query;

    Req(Sandbox box, ApiCall call, String base, List<String> seg, boolean trailingSlash) {
        this.box = box;
        this.call = call;
        this.base = base;
        this.seg = List.copyOf(seg);
        this.trailingSlash = trailingSlash;
        this.query = parseQuery(call.query());
    }

    Cloud cloud() { return box.cloud(); }

    String method() { return call.method(); }

    String token() { return call.header("x-auth-token"); }

    int size() { return seg.size(); }

    String seg(int i) { return i < seg.size() ? seg.get(i) : ""; }

    Optional<String> param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    List<String> params(String name) { return query.getOrDefault(name, List.of()); }

    /** The body as JSON; a malformed or missing body is a {@link BadJson}. */
    JsonNode json() {
        if (call.body().isBlank()) throw new BadJson();
        try {
            JsonNode n = ApiResponse.MAPPER.readTree(call.body());
            if (n == null || !n.isObject()) throw new BadJson();
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadJson();
        }
    }

    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) out.add(decode(s));
        }
        return out;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    static Map<String, List<String>> parseQuery(String q) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (q == null || q.isEmpty()) return m;
        for (String part : q.split("&")) {
            if (part.isEmpty()) continue;
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            try {
                k = URLDecoder.decode(k, StandardCharsets.UTF_8);
                v = URLDecoder.decode(v, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // keep raw
            }
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return m;
    }

    /** A body that is not a JSON object. */
    static final class BadJson extends RuntimeException {
        BadJson() { super("Malformed request body", null, false, false); }
    }

    /** A path this service does not serve (404) or serves with other methods (405). */
    static final class NoRoute extends RuntimeException {
        final int status;

        NoRoute(int status) {
            super(status == 405 ? "The method is not allowed for the requested URL." : "The resource could not be found.", null, false, false);
            this.status = status;
        }
    }

    static NoRoute notFound() { return new NoRoute(404); }

    static NoRoute badMethod() { return new NoRoute(405); }
}
