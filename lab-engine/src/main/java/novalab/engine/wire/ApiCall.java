package novalab.engine.wire;

import java.util.Map;

/**
 * One HTTP request to a sandbox's OpenStack APIs, as the dispatcher sees it and as a history records it.
 *
 * @param method  upper-case HTTP method
 * @param path    the path after {@code /sandbox/<id>}, e.g. {@code /compute/v2.1/servers/detail} (still URL-encoded)
 * @param query   the raw query string without {@code ?}, empty if none
 * @param headers the request headers that matter (lower-case names): {@code x-auth-token}, {@code x-subject-token},
 *                {@code openstack-api-version}, {@code x-openstack-nova-api-version}
 * @param body    the request body, empty if none
 */
public record ApiCall(String method, String path, String query, Map<String, String> headers, String body) {
    /** How a history line recording an OpenStack request starts. */
    public static final String LINE_PREFIX = "__api ";

    /** The headers {@link #of} keeps. */
    public static final java.util.List<String> KEPT_HEADERS = java.util.List.of("x-auth-token", "x-subject-token",
            "openstack-api-version", "x-openstack-nova-api-version");

    public ApiCall {
        headers = novalab.engine.common.Ordered.map(headers);
    }

    /** A call from raw parts; header names are matched case-insensitively and only {@link #KEPT_HEADERS} are kept. */
    public static ApiCall of(String method, String path, String query, java.util.function.UnaryOperator<String> header, String body) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String v = header.apply(name);
            if (v != null && !v.isEmpty()) h.put(name, v);
        }
        return new ApiCall(method.toUpperCase(java.util.Locale.ROOT), path, query == null ? "" : query, h, body == null ? "" : body);
    }

    public String header(String lowerName) { return headers.getOrDefault(lowerName, ""); }

    /**
     * The line a student's history shows for this request, and from which {@link #fromHistoryLine} rebuilds it for
     * replay: {@code __api METHOD PATH[?QUERY] [name=value ...] [-- BODY]} with the kept headers' values URL-encoded
     * and the body on one line (JSON bodies never need their newlines).
     */
    public String historyLine() {
        StringBuilder sb = new StringBuilder(LINE_PREFIX).append(method).append(' ').append(query.isEmpty() ? path : path + "?" + query);
        headers.forEach((k, v) -> sb.append(' ').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        String b = body.replace("\r", " ").replace('\n', ' ').strip();
        if (!b.isEmpty()) sb.append(" -- ").append(b);
        return sb.toString();
    }

    /** The call a {@link #historyLine()} describes, if the line is one. */
    public static java.util.Optional<ApiCall> fromHistoryLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) return java.util.Optional.empty();
        String rest = line.substring(LINE_PREFIX.length());
        String body = "";
        int dash = rest.indexOf(" -- ");
        if (dash >= 0) {
            body = rest.substring(dash + 4);
            rest = rest.substring(0, dash);
        }
        String[] w = rest.trim().split(" +");
        if (w.length < 2) return java.util.Optional.empty();
        String target = w[1];
        int q = target.indexOf('?');
        Map<String, String> h = new java.util.LinkedHashMap<>();
        for (int i = 2; i < w.length; i++) {
            int eq = w[i].indexOf('=');
            if (eq <= 0) return java.util.Optional.empty();
            h.put(w[i].substring(0, eq), java.net.URLDecoder.decode(w[i].substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return java.util.Optional.of(new ApiCall(w[0], q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1), h, body));
    }
}
