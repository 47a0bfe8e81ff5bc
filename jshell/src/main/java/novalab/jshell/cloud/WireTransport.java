package novalab.jshell.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import novalab.engine.Sandbox;
import novalab.engine.scheduler.FilterStep;
import novalab.engine.scheduler.SchedulingDecision;
import novalab.engine.wire.ApiCall;
import novalab.engine.wire.ApiResponse;
import novalab.engine.wire.OpenStackWire;
import novalab.jshell.SdkTransport;

/**
 * Answers SDK requests on one sandbox through {@link OpenStackWire}, as the student's project user: it signs in once
 * ({@code POST /identity/v3/auth/tokens}, recorded like every other request, so a replay issues the same token), adds
 * the token to each request, signs in again after a 401 (a reset sandbox forgets tokens), and hands every answered
 * request to the {@link Recorder} inside the sandbox's critical section. {@code GET /lab/scheduler/last-decision} is
 * answered from the scheduler's record without touching the cloud and is not recorded (it changes nothing).
 */
public final class WireTransport implements SdkTransport {
    public static final String LAST_DECISION = "/lab/scheduler/last-decision";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SERVERS_MICROVERSION = "2.47";

    /** Runs work on the sandbox, serialised with everything else that touches it (the caller's lock). */
    @FunctionalInterface
    public interface Access {
        ApiResponse serve(Function<Sandbox, ApiResponse> work);
    }

    /** Stores one answered request ({@code call.historyLine()} is its {@code __api} line) at the simulated time it ran. */
    @FunctionalInterface
    public interface Recorder {
        void record(long atMs, ApiCall call, ApiResponse response);
    }

    /** The project user the SDK signs in as. */
    public record Credentials(String user, String password, String project) {
        /** The scenario's project user (content/week9/scenario/nebula-openrc.sh). */
        public static Credentials nebula() { return new Credentials("nebula_admin", "N3bulaPass", "nebula_prod"); }

        /** The scenario's cloud administrator (content/week9/scenario/admin-openrc.sh, on the student's workstation too). */
        public static Credentials admin() { return new Credentials("admin", "Adm1nSecret", "admin"); }
    }

    /** What the SDK puts in front of a path for {@code Cloud.connect("admin")}. */
    public static final String ADMIN_PREFIX = "/@admin";

    private final Access access;
    private final String base;
    private final Recorder recorder;
    private final Credentials credentials;
    private final Credentials admin;
    private final Map<Credentials, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code credentials} answer {@code Cloud.connect()}; {@code Cloud.connect("admin")} uses {@link Credentials#admin()}. */
    public WireTransport(Access access, String base, Credentials credentials, Recorder recorder) {
        this(access, base, credentials, Credentials.admin(), recorder);
    }

    public WireTransport(Access access, String base, Credentials credentials, Credentials admin, Recorder recorder) {
        this.access = access;
        this.base = base;
        this.credentials = credentials;
        this.admin = admin;
        this.recorder = recorder;
    }

    /** A transport over a sandbox of this JVM alone (the console): serialised on the sandbox, recording to {@code recorder}. */
    public static WireTransport local(Sandbox box, Recorder recorder) {
        return new WireTransport(work -> {
            synchronized (box) {
                return work.apply(box);
            }
        }, "http://localhost/sandbox/local", Credentials.nebula(), recorder);
    }

    @Override
    public Reply request(String method, String path, String jsonBody) {
        Credentials who = credentials;
        if (path.startsWith(ADMIN_PREFIX + "/")) {
            who = admin;
            path = path.substring(ADMIN_PREFIX.length());
        }
        if (path.equals(LAST_DECISION)) {
            ApiResponse r = access.serve(box -> ApiResponse.json(200, Map.of("decision", box.cloud().scheduler().lastDecision()
                    .map(WireTransport::decision).orElse(Map.of()))));
            return new Reply(r.status(), r.body());
        }
        if (path.startsWith("/identity")) {
            return new Reply(403, "{\"error\": {\"message\": \"The SDK signs in for you; it does not call Keystone directly.\"}}");
        }
        if (!tokens.containsKey(who) && !signIn(who)) {
            return new Reply(401, "{\"error\": {\"message\": \"The SDK could not sign in to your sandbox as " + who.user() + ".\"}}");
        }
        ApiResponse r = send(tokens.get(who), method, path, jsonBody);
        if (r.status() == 401 && signIn(who)) r = send(tokens.get(who), method, path, jsonBody);
        return new Reply(r.status(), r.body());
    }

    private ApiResponse send(String token, String method, String target, String body) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-auth-token", token);
        // servers at 2.47 show their flavor by name (openstacksdk asks for the newest; hypervisors stay at 2.1 for their totals)
        if (path.startsWith("/compute/v2.1/servers")) headers.put("x-openstack-nova-api-version", SERVERS_MICROVERSION);
        ApiCall call = new ApiCall(method, path, q < 0 ? "" : target.substring(q + 1), headers, body);
        return access.serve(box -> {
            long at = box.cloud().nowMs();
            ApiResponse r = OpenStackWire.handle(box, base, call);
            recorder.record(at, call, r);
            return r;
        });
    }

    private boolean signIn(Credentials credentials) {
        String body = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": " + quote(credentials.user())
                + ", \"domain\": {\"name\": \"Default\"}, \"password\": " + quote(credentials.password()) + "}}}, \"scope\": {\"project\": "
                + "{\"name\": " + quote(credentials.project()) + ", \"domain\": {\"name\": \"Default\"}}}}}";
        ApiCall call = new ApiCall("POST", "/identity/v3/auth/tokens", "", Map.of(), body);
        ApiResponse r = access.serve(box -> {
            long at = box.cloud().nowMs();
            ApiResponse resp = OpenStackWire.handle(box, base, call);
            recorder.record(at, call, resp);
            return resp;
        });
        String t = r.header("X-Subject-Token");
        if (r.status() / 100 != 2 || t.isEmpty()) return false;
        tokens.put(credentials, t);
        return true;
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> decision(SchedulingDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance_uuid", d.instanceUuid());
        m.put("flavor", d.flavorName());
        m.put("image", d.imageName());
        m.put("candidates", d.candidates());
        m.put("filter_steps", d.filterSteps().stream().map(WireTransport::step).toList());
        m.put("weighed", d.weighed().stream().map(w -> w.host().host() + " " + String.format(java.util.Locale.ROOT, "%.3f", w.weight())).toList());
        m.put("chosen", d.chosen().orElse(""));
        m.put("failure", d.failure().orElse(""));
        return m;
    }

    private static String step(FilterStep s) {
        List<String> why = s.rejected().stream().map(r -> r.host() + ": " + r.reason()).toList();
        return s.filter() + ": " + s.start() + " -> " + s.end() + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")");
    }
}
