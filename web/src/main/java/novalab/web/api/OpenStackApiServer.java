package novalab.web.api;

import io.javalin.Javalin;

/** A standalone HTTP server with only the wire APIs, OpenStack and EC2 (tests, the bench, {@code ./lab bench api}). */
public final class OpenStackApiServer implements AutoCloseable {
    private final Javalin app;

    private OpenStackApiServer(Javalin app) { this.app = app; }

    /** Starts on 127.0.0.1:{@code port} ({@code 0} picks a free port). */
    public static OpenStackApiServer create(int port, SandboxDirectory dir) {
        return create(port, dir, RequestRecorder.NONE);
    }

    public static OpenStackApiServer create(int port, SandboxDirectory dir, RequestRecorder recorder) {
        return create(port, dir, recorder, k -> java.util.Optional.empty(), LineRecorder.NONE, RateLimiter.NONE);
    }

    /** With the EC2 endpoint at {@code /ec2} too, its access keys resolved by {@code keys}, and each sandbox held to {@code limiter}. */
    public static OpenStackApiServer create(int port, SandboxDirectory dir, RequestRecorder recorder, Ec2Keys keys, LineRecorder ec2Recorder,
                                            RateLimiter limiter) {
        Javalin app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.router.ignoreTrailingSlashes = true;
            OpenStackApi.addRoutes(c, dir, recorder, limiter);
            Ec2Api.addRoutes(c, keys, dir, ec2Recorder, limiter);
            c.routes.error(404, ctx -> {
                if (!ctx.path().startsWith(OpenStackApi.PREFIX) && !ctx.path().startsWith(Ec2Api.PATH)) {
                    ctx.contentType("application/json");
                    ctx.result("{\"error\": {\"code\": 404, \"message\": \"The resource could not be found.\", \"title\": \"Not Found\"}}");
                }
            });
        });
        app.start("127.0.0.1", port);
        return new OpenStackApiServer(app);
    }

    public int port() { return app.port(); }

    /** {@code http://127.0.0.1:<port>/sandbox/<id>}. */
    public String baseUrl(String sandboxId) { return "http://127.0.0.1:" + port() + OpenStackApi.PREFIX + sandboxId; }

    /** The {@code OS_AUTH_URL} of a sandbox. */
    public String authUrl(String sandboxId) { return baseUrl(sandboxId) + "/identity/v3"; }

    /** The {@code --endpoint-url} of the EC2 API: {@code http://127.0.0.1:<port>/ec2}. */
    public String ec2Url() { return "http://127.0.0.1:" + port() + Ec2Api.PATH; }

    @Override
    public void close() { app.stop(); }
}
