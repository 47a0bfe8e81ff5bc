package novalab.jshell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lab's end of the SDK's named channel: collects request frames from the sandbox's {@code sdk} stream, asks the
 * current {@link SdkTransport}, and writes the answer frame into the sandbox's {@code sdkreply} stream (packets in
 * JShell's multiplexing format, written under the same lock as JShell's own command packets).
 */
final class SdkChannel extends OutputStream {
    private static final byte[] LABEL = "sdkreply".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_FRAME = 4 << 20;
    private final OutputStream toRemote;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** API requests one snippet may make (a {@code waitFor} polls up to 60 times; ten servers booted and waited for fit). */
    static final int MAX_REQUESTS_PER_SNIPPET = 250;
    private final AtomicLong busyNanos = new AtomicLong();
    private volatile int requests;
    private volatile long answeringSince;
    volatile SdkTransport transport = SdkTransport.none();
    /** Answers on its own thread, so the stream reader (which also carries JShell's replies) never waits on the lab. */
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jshell-sdk");
        t.setDaemon(true);
        return t;
    });

    SdkChannel(OutputStream toRemote) {
        this.toRemote = toRemote;
    }

    /** Time spent answering requests so far, the one being answered included. */
    long busyNanos() {
        long since = answeringSince;
        return busyNanos.get() + (since == 0 ? 0 : System.nanoTime() - since);
    }

    /** Stops answering (the session is closing). */
    void shutdown() { worker.shutdown(); } // no interrupt: a request being answered finishes its work on the sandbox

    /** A new snippet starts: its request budget is full again. */
    void resetBudget() { requests = 0; }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        pending.write(b, off, len);
        while (pending.size() >= 4) {
            byte[] all = pending.toByteArray();
            int n = ((all[0] & 0xff) << 24) | ((all[1] & 0xff) << 16) | ((all[2] & 0xff) << 8) | (all[3] & 0xff);
            if (n < 0 || n > MAX_FRAME) throw new IOException("SDK request too large");
            if (all.length < 4 + n) return;
            String frame = new String(all, 4, n, StandardCharsets.UTF_8);
            pending.reset();
            pending.write(all, 4 + n, all.length - 4 - n);
            worker.execute(() -> {
                try {
                    answer(frame);
                } catch (IOException e) {
                    // the sandbox JVM is gone; its session ends on its own
                }
            });
        }
    }

    private void answer(String frame) throws IOException {
        int a = frame.indexOf('\n');
        int c = a < 0 ? -1 : frame.indexOf('\n', a + 1);
        SdkTransport.Reply reply;
        long t0 = System.nanoTime();
        answeringSince = t0;
        if (c < 0) {
            reply = new SdkTransport.Reply(400, "{\"error\": {\"message\": \"malformed SDK request\"}}");
        } else if (++requests > MAX_REQUESTS_PER_SNIPPET) {
            reply = new SdkTransport.Reply(429, "{\"error\": {\"message\": \"This snippet made more than " + MAX_REQUESTS_PER_SNIPPET
                    + " API requests; run the rest in another snippet.\"}}");
        } else {
            try {
                reply = transport.request(frame.substring(0, a), frame.substring(a + 1, c), frame.substring(c + 1));
            } catch (RuntimeException e) {
                reply = new SdkTransport.Reply(500, "{\"error\": {\"message\": \"The lab could not answer this request.\"}}");
            }
        }
        busyNanos.addAndGet(System.nanoTime() - t0);
        answeringSince = 0;
        byte[] body = (reply.status() + "\n" + reply.body()).getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[4 + body.length];
        framed[0] = (byte) (body.length >>> 24);
        framed[1] = (byte) (body.length >>> 16);
        framed[2] = (byte) (body.length >>> 8);
        framed[3] = (byte) body.length;
        System.arraycopy(body, 0, framed, 4, body.length);
        send(framed);
    }

    /** Writes {@code data} as {@code sdkreply} packets; the remote pipe wants a TAG_DATA (0) before every byte. */
    private void send(byte[] data) throws IOException {
        synchronized (toRemote) {
            int i = 0;
            while (i < data.length) {
                int n = Math.min(63, data.length - i);
                byte[] packet = new byte[1 + LABEL.length + 1 + 2 * n];
                packet[0] = (byte) LABEL.length;
                System.arraycopy(LABEL, 0, packet, 1, LABEL.length);
                packet[LABEL.length + 1] = (byte) (2 * n);
                for (int k = 0; k < n; k++) packet[LABEL.length + 3 + 2 * k] = data[i + k];
                toRemote.write(packet);
                i += n;
            }
            toRemote.flush();
        }
    }
}
