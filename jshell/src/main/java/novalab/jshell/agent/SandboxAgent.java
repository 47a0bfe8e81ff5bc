package novalab.jshell.agent;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;
import novalab.jshell.sdk.wire.Wire;

/**
 * The main class of a sandbox JVM. It talks to the lab over its own stdin/stdout (JShell's multiplexed named streams:
 * the command channel, {@code out}, {@code err}, {@code sdk} requests and {@code sdkreply} answers), gives snippets an
 * empty {@code System.in}, and before any snippet runs installs {@link SandboxSecurityManager} where the JDK still has
 * one (Java 17 to 23). Argument {@code --no-security-manager} skips it (used by tests of the other layers).
 */
public final class SandboxAgent {
    private SandboxAgent() {}

    public static void main(String[] args) throws Exception {
        InputStream in = new FileInputStream(FileDescriptor.in);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        OutputStream[] sdk = new OutputStream[1];
        InputStream[] sdkReply = new InputStream[1];
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        // a snippet closing System.out must not close the channel to the lab under everyone's feet
        outputs.put("out", st -> System.setOut(new PrintStream(unclosable(st), true, StandardCharsets.UTF_8)));
        outputs.put("err", st -> System.setErr(new PrintStream(unclosable(st), true, StandardCharsets.UTF_8)));
        outputs.put("sdk", st -> sdk[0] = unclosable(st));
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("sdkreply", st -> sdkReply[0] = st);
        boolean manager = !java.util.Arrays.asList(args).contains("--no-security-manager");
        SandboxControl control = new SandboxControl(() -> {
            Wire.install(sdk[0], sdkReply[0]);
            if (manager) SandboxSecurityManager.installIfSupported();
        });
        Util.forwardExecutionControlAndIO(control, in, out, outputs, inputs);
        Runtime.getRuntime().halt(0);
    }

    private static OutputStream unclosable(OutputStream st) {
        return new java.io.FilterOutputStream(st) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }
}
