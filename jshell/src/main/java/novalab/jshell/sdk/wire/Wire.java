package novalab.jshell.sdk.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The SDK's end of the named channel to the lab, inside the sandbox JVM: one request at a time, each a frame
 * {@code int length, UTF-8 "METHOD\nPATH\nBODY"}, each answered by a frame {@code int length, UTF-8 "STATUS\nBODY"}.
 * Snippets cannot name this class (the lab's bytecode guard refuses it); the agent installs the streams once.
 */
public final class Wire {
    private static DataOutputStream requests;
    private static DataInputStream replies;

    private Wire() {}

    /** Called once by the agent before any snippet runs; later calls are refused. */
    public static synchronized void install(OutputStream requestStream, InputStream replyStream) {
        if (requests != null) throw new IllegalStateException("the SDK channel is already installed");
        requests = new DataOutputStream(requestStream);
        replies = new DataInputStream(replyStream);
    }

    /** Sends one request and waits for its answer: {@code [status, body]}. */
    public static synchronized String[] call(String method, String path, String body) {
        if (requests == null) return new String[] {"503", "{\"error\": \"This JShell has no cloud attached.\"}"};
        try {
            byte[] frame = (method + "\n" + path + "\n" + body).getBytes(StandardCharsets.UTF_8);
            requests.writeInt(frame.length);
            requests.write(frame);
            requests.flush();
            int len = replies.readInt();
            if (len < 0 || len > (16 << 20)) throw new IOException("bad reply length " + len);
            byte[] reply = new byte[len];
            replies.readFully(reply);
            String text = new String(reply, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return new String[] {text.substring(0, nl), text.substring(nl + 1)};
        } catch (IOException e) {
            throw new IllegalStateException("The lab did not answer the SDK request: " + e.getMessage());
        }
    }
}
