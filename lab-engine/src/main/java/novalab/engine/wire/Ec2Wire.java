package novalab.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import novalab.engine.Sandbox;
import novalab.engine.cli.aws.Ec2Answer;
import novalab.engine.cli.aws.Ec2Service;

/**
 * The EC2 Query API of one sandbox, for the real {@code aws ec2} client (awscli 2.9): a form-encoded action in
 * ({@code Action=…&Version=2016-11-15&…}), EC2's XML out, or EC2's error envelope ({@code Response/Errors/Error}) with
 * status 400 (412 for {@code DryRunOperation}). The actions are those of the lab's own {@code aws ec2} CLI, run by the
 * same code ({@link Ec2Service}): instance types are flavors, AMIs Glance images, instances Nova servers, and so on.
 *
 * <p>Simulated time: a request takes none, except that a {@code DescribeInstances} that shows an instance still
 * changing (pending, stopping, shutting-down) lets 15 simulated seconds pass after answering, the interval at which
 * the CLI's {@code aws ec2 wait instance-running} polls, as the lab's own waiter does. The rule depends only on the
 * request sequence, so recorded requests replay deterministically.
 *
 * <p>Who is calling (the access key in the SigV4 {@code Authorization} header) is the front end's business: it
 * picks the sandbox. The caller serialises calls to a sandbox.
 */
public final class Ec2Wire {
    /** How long a poll of a changing instance lets pass: the CLI waiter's delay. */
    static final long POLL_MS = 15_000;
    private static final List<String> CHANGING = List.of("pending", "stopping", "shutting-down");
    private static final Map<String, String> XML = Map.of("Content-Type", "text/xml;charset=UTF-8", "Server", "AmazonEC2");

    private Ec2Wire() {}

    /** Serves one EC2 call against a sandbox. {@code base} is unused by EC2 answers (kept for symmetry). Never throws. */
    public static ApiResponse handle(Sandbox box, String base, Ec2Call call) {
        String rid = requestId(box, call);
        Ec2Answer a;
        try {
            a = Ec2Service.of(box.cloud()).call(call.params());
        } catch (RuntimeException e) {
            return error(500, "InternalError", "An internal error has occurred.", rid);
        }
        if (!a.ok()) return error(a.status(), a.errorCode(), a.errorMessage(), rid);
        JsonNode data = a.data().orElse(null);
        ApiResponse r = new ApiResponse(200, XML, Ec2Xml.response(a.action(), rid, data));
        if (a.action().equals("DescribeInstances") && data != null && changing(data)) box.cloud().advanceBy(POLL_MS);
        return r;
    }

    /** An EC2 error envelope, for front ends answering before a sandbox is reached (unknown key, throttling, bad method). */
    public static ApiResponse error(int status, String code, String message, String requestId) {
        return new ApiResponse(status, XML, Ec2Xml.error(code, message, requestId));
    }

    private static boolean changing(JsonNode data) {
        for (JsonNode r : data.path("Reservations")) {
            for (JsonNode i : r.path("Instances")) if (CHANGING.contains(i.path("State").path("Name").asText())) return true;
        }
        return false;
    }

    /** A request id derived from the call and the simulated time, so it draws nothing from the engine's ids. */
    private static String requestId(Sandbox box, Ec2Call call) {
        String seed = box.cloud().nowMs() + " ec2 " + call.form();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The headers EC2 answers carry. */
    static Map<String, String> headers() { return new LinkedHashMap<>(XML); }
}
