package novalab.web.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.engine.wire.ApiResponse;
import novalab.engine.wire.Ec2Call;
import novalab.engine.wire.Ec2Wire;

/**
 * The EC2 Query endpoint for the real {@code aws} client: {@code aws --endpoint-url http://HOST:PORT/ec2 ec2 …}.
 * {@code POST /ec2} (or {@code /ec2/}) with a form body, or {@code GET} with the same parameters in the query; the
 * access key id of the SigV4 {@code Authorization} header ({@code Credential=<key>/<date>/<region>/ec2/aws4_request})
 * picks the student's sandbox. Signatures are NOT checked: the key id alone selects the sandbox (the lab is a teaching
 * tool on a trusted network; the secret we hand out only satisfies the client). An unknown or missing key is EC2's
 * {@code AuthFailure} (401). Each answered request is recorded as {@code __ec2 <form>} through the {@link LineRecorder}.
 */
public final class Ec2Api {
    public static final String PATH = "/ec2";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Za-z0-9]{1,128})/");
    private static final int MAX_BODY = 256 * 1024;

    private Ec2Api() {}

    public static void addRoutes(JavalinConfig config, Ec2Keys keys, SandboxDirectory dir, LineRecorder recorder, RateLimiter limiter) {
        for (HandlerType t : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE,
                HandlerType.HEAD, HandlerType.OPTIONS)) {
            config.routes.addHttpHandler(t, PATH, ctx -> serve(ctx, keys, dir, recorder, limiter));
            config.routes.addHttpHandler(t, PATH + "/", ctx -> serve(ctx, keys, dir, recorder, limiter));
            config.routes.addHttpHandler(t, PATH + "/<rest>", ctx -> send(ctx, Ec2Wire.error(404, "InvalidAction",
                    "The requested path is not part of the EC2 API: send POST " + PATH + "/ with Action=…", rid())));
        }
    }

    /** The access key id a request is signed with (SigV4 header, presigned query, or SigV2's AWSAccessKeyId). */
    static Optional<String> accessKey(Context ctx, Ec2Call call) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            Matcher m = CREDENTIAL.matcher(auth);
            if (m.find()) return Optional.of(m.group(1));
        }
        String q = ctx.queryParam("X-Amz-Credential");
        if (q != null && q.contains("/")) return Optional.of(q.substring(0, q.indexOf('/')));
        return Optional.ofNullable(call.params().get("AWSAccessKeyId")).filter(s -> !s.isEmpty());
    }

    private static void serve(Context ctx, Ec2Keys keys, SandboxDirectory dir, LineRecorder recorder, RateLimiter limiter) {
        String method = ctx.method().name();
        if (!method.equals("POST") && !method.equals("GET")) {
            send(ctx, Ec2Wire.error(405, "UnsupportedHttpVerb", "The EC2 API accepts POST (form-encoded) and GET requests, not " + method + ".", rid())
                    .withHeader("Allow", "GET, POST"));
            return;
        }
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > MAX_BODY) {
            send(ctx, Ec2Wire.error(400, "InvalidParameterValue", "The request body is larger than " + MAX_BODY + " bytes.", rid()));
            return;
        }
        String form = method.equals("GET") ? Optional.ofNullable(ctx.queryString()).orElse("") : new String(raw, StandardCharsets.UTF_8);
        if (method.equals("POST") && form.isBlank()) form = Optional.ofNullable(ctx.queryString()).orElse("");
        if (form.contains("\n") || form.contains("\r") || !form.matches("[\\x21-\\x7e]*")) {
            send(ctx, Ec2Wire.error(400, "InvalidParameterValue",
                    "The request is not application/x-www-form-urlencoded: send Action=…&Version=2016-11-15 with percent-encoded values.", rid()));
            return;
        }
        Ec2Call call = new Ec2Call(form);
        Optional<String> key = accessKey(ctx, call);
        Optional<String> sandbox = key.flatMap(keys::sandboxId);
        if (sandbox.isEmpty()) {
            send(ctx, Ec2Wire.error(401, "AuthFailure", key.isEmpty()
                    ? "AWS was not able to validate the provided access credentials: the request is not signed with an access key."
                    : "AWS was not able to validate the provided access credentials", rid()));
            return;
        }
        String id = sandbox.get();
        if (!limiter.allow(id)) {
            send(ctx, Ec2Wire.error(503, "RequestLimitExceeded", "Request limit exceeded.", rid())
                    .withHeader("Retry-After", String.valueOf(limiter.retryAfterSeconds())));
            return;
        }
        ApiResponse resp;
        try {
            resp = dir.serve(id, box -> {
                long at = box.cloud().nowMs();
                ApiResponse r = Ec2Wire.handle(box, PublicUrl.of(ctx), call);
                recorder.record(id, at, call.historyLine());
                return r;
            }).orElseGet(() -> Ec2Wire.error(401, "AuthFailure", "AWS was not able to validate the provided access credentials", rid()));
        } catch (RuntimeException e) {
            resp = Ec2Wire.error(503, "Unavailable", "The service is unavailable. Please try again shortly.", rid());
        }
        send(ctx, resp);
    }

    private static String rid() { return UUID.randomUUID().toString(); }

    private static void send(Context ctx, ApiResponse resp) {
        ctx.status(resp.status());
        resp.headers().forEach((k, v) -> {
            if (k.equals("Content-Type")) ctx.contentType(v);
            else ctx.header(k, v);
        });
        if (!ctx.method().name().equals("HEAD")) ctx.result(resp.body().getBytes(StandardCharsets.UTF_8));
    }
}
