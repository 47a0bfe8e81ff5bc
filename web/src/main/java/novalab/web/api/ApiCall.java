package novalab.web.api;

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
     * The line a student's history shows for this request: {@code __api METHOD PATH[?QUERY] [BODY]} (the body on
     * one line as sent; tokens are not part of the line).
     */
    public String historyLine() {
        String target = query.isEmpty() ? path : path + "?" + query;
        String b = body.replace('\n', ' ').strip();
        return "__api " + method + " " + target + (b.isEmpty() ? "" : " " + b);
    }
}
