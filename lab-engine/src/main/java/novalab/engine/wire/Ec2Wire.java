package novalab.engine.wire;

import novalab.engine.Sandbox;

/** The EC2 Query API of one sandbox, for the real {@code aws ec2} client: form-encoded actions in, EC2 XML out. */
public final class Ec2Wire {
    private Ec2Wire() {}

    /** Serves one EC2 call against a sandbox (the caller holds it). Never throws: failures are EC2 error envelopes. */
    public static ApiResponse handle(Sandbox box, String base, Ec2Call call) {
        return new ApiResponse(400, java.util.Map.of("Content-Type", "text/xml;charset=UTF-8"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>InvalidAction</Code><Message>Not yet.</Message></Error></Errors><RequestID>0</RequestID></Response>");
    }
}
