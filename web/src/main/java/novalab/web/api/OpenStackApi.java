package novalab.web.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import novalab.engine.wire.ApiCall;
import novalab.engine.wire.ApiResponse;
import novalab.engine.wire.OpenStackWire;
import novalab.engine.Sandbox;

/**
 * The OpenStack wire APIs of every sandbox, for the real {@code openstack} client (python-openstackclient 6.0).
 *
 * <p>URL layout (devstack style, one server for all sandboxes): {@code /sandbox/<id>/identity} (Keystone,
 * {@code OS_AUTH_URL=http://HOST:PORT/sandbox/<id>/identity/v3}), {@code /sandbox/<id>/compute/v2.1} (Nova),
 * {@code /sandbox/<id>/network} (Neutron, {@code /v2.0/...}) and {@code /sandbox/<id>/image} (Glance, {@code /v2/...});
 * the token's catalog names these four, built from the request's own {@code Host}.
 *
 * <p>This class is the HTTP glue only: each request is answered by the engine's pure dispatcher
 * {@link OpenStackWire#handle} (package {@code novalab.engine.wire}).
 *
 * <p>Requests to one sandbox are served one at a time through {@link SandboxDirectory#serve} (the engine is
 * single-threaded): by default under the {@link Sandbox}'s monitor, in the web lab under its student's lock. Every
 * answered request is handed to the {@link RequestRecorder} inside that same critical section, so the history keeps
 * the order the engine saw.
 *
 * <p>These routes authenticate with Keystone tokens, not with the web lab's session cookie: a web front end must let
 * {@code /sandbox/*} through its own access checks.
 */
public final class OpenStackApi {
    public static final String PREFIX = "/sandbox/";

    private OpenStackApi() {}

    /** Registers {@code /sandbox/<id>/...} for every HTTP method on a Javalin configuration. */
    public static void addRoutes(JavalinConfig config, SandboxDirectory dir, RequestRecorder recorder) {
        addRoutes(config, dir, recorder, RateLimiter.NONE);
    }

    /** As {@link #addRoutes(JavalinConfig, SandboxDirectory, RequestRecorder)}, each sandbox held to {@code limiter} (429 beyond it). */
    public static void addRoutes(JavalinConfig config, SandboxDirectory dir, RequestRecorder recorder, RateLimiter limiter) {
        for (HandlerType t : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE,
                HandlerType.HEAD, HandlerType.OPTIONS)) {
            config.routes.addHttpHandler(t, "/sandbox/{id}/<rest>", ctx -> serve(ctx, dir, recorder, limiter));
            config.routes.addHttpHandler(t, "/sandbox/{id}", ctx -> serve(ctx, dir, recorder, limiter));
        }
    }

    private static void serve(Context ctx, SandboxDirectory dir, RequestRecorder recorder, RateLimiter limiter) {
        String path = ctx.path();
        String afterPrefix = path.substring(PREFIX.length());
        int slash = afterPrefix.indexOf('/');
        String id = decode(slash < 0 ? afterPrefix : afterPrefix.substring(0, slash));
        String rest = slash < 0 ? "" : afterPrefix.substring(slash);
        String base = PublicUrl.of(ctx) + PREFIX + id;
        ApiCall call = ApiCall.of(ctx.method().name(), rest, ctx.queryString(), ctx::header, ctx.body());
        ApiResponse resp = limiter.allow(id) ? answer(dir, recorder, id, base, call) : overLimit(rest, limiter.retryAfterSeconds());
        ctx.status(resp.status());
        resp.headers().forEach((k, v) -> {
            if (k.equals("Content-Type")) ctx.contentType(v);
            else ctx.header(k, v);
        });
        if (!ctx.method().name().equals("HEAD")) ctx.result(resp.body().getBytes(StandardCharsets.UTF_8));
    }

    private static ApiResponse answer(SandboxDirectory dir, RequestRecorder recorder, String id, String base, ApiCall call) {
        try {
            return dir.serve(id, box -> {
                long at = box.cloud().nowMs();
                ApiResponse r = OpenStackWire.handle(box, base, call);
                recorder.record(id, at, call, r);
                return r;
            }).orElseGet(() -> OpenStackWire.error(404, "Not Found", "No sandbox " + id + " is running here."));
        } catch (RuntimeException e) {
            return OpenStackWire.error(503, "Service Unavailable", "The sandbox " + id + " cannot answer right now.");
        }
    }

    /** 429 in the shape of the service the path names: Nova's {@code overLimit}, Neutron's {@code NeutronError}, else Keystone's. */
    static ApiResponse overLimit(String rest, int retryAfter) {
        String msg = "This sandbox is getting more requests than it serves; retry after " + retryAfter + " s.";
        ApiResponse r;
        if (rest.startsWith("/compute")) {
            r = ApiResponse.json(429, java.util.Map.of("overLimit", java.util.Map.of("code", 429, "message", msg, "retryAfter", String.valueOf(retryAfter))));
        } else if (rest.startsWith("/network")) {
            r = ApiResponse.json(429, java.util.Map.of("NeutronError", java.util.Map.of("type", "OverQuota", "message", msg, "detail", "")));
        } else {
            r = OpenStackWire.error(429, "Too Many Requests", msg);
        }
        return r.withHeader("Retry-After", String.valueOf(retryAfter));
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** An openrc file for a sandbox's user, {@code base} being {@code http://host:port/sandbox/<id>}. */
    public static String openrc(String base, String user, String password, String project) {
        return "# OpenStack credentials for the real openstack client (python3-openstackclient) against this lab sandbox\n"
                + "export OS_AUTH_URL=" + base + "/identity/v3\n"
                + "export OS_USERNAME=" + user + "\n"
                + "export OS_PASSWORD=" + password + "\n"
                + "export OS_PROJECT_NAME=" + project + "\n"
                + "export OS_USER_DOMAIN_NAME=Default\n"
                + "export OS_PROJECT_DOMAIN_NAME=Default\n"
                + "export OS_IDENTITY_API_VERSION=3\n"
                + "export OS_REGION_NAME=RegionOne\n"
                + "export OS_INTERFACE=public\n";
    }

    /** A {@code clouds.yaml} naming the sandbox {@code cloud} (use it with {@code OS_CLOUD=<cloud>} or {@code --os-cloud}). */
    public static String cloudsYaml(String cloud, String base, String user, String password, String project) {
        return "clouds:\n"
                + "  " + cloud + ":\n"
                + "    auth:\n"
                + "      auth_url: " + base + "/identity/v3\n"
                + "      username: " + user + "\n"
                + "      password: " + password + "\n"
                + "      project_name: " + project + "\n"
                + "      user_domain_name: Default\n"
                + "      project_domain_name: Default\n"
                + "    region_name: RegionOne\n"
                + "    interface: public\n"
                + "    identity_api_version: 3\n";
    }
}
