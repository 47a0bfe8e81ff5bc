package novalab.web.api;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The scheme and host a client used to reach this server, as links back to it must name them: behind a reverse proxy
 * from {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (first value of each), else the request's own scheme and
 * {@code Host} header.
 */
public final class PublicUrl {
    private PublicUrl() {}

    /** {@code http(s)://host[:port]} without a trailing slash. */
    public static String of(Context ctx) {
        String scheme = first(ctx.header("X-Forwarded-Proto")).filter(s -> s.equals("http") || s.equals("https")).orElse(ctx.scheme());
        String host = first(ctx.header("X-Forwarded-Host")).or(() -> first(ctx.header("Host"))).orElse(ctx.host());
        return scheme + "://" + host;
    }

    private static Optional<String> first(String header) {
        if (header == null) return Optional.empty();
        String v = header.split(",")[0].trim();
        return v.isEmpty() || !v.matches("[A-Za-z0-9.:\\[\\]_-]+") ? Optional.empty() : Optional.of(v);
    }
}
