package novalab.jshell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * One student's JShell: the compiler state lives here in the lab's JVM, the code runs in its own sandbox JVM. Not
 * thread-safe: the pool hands a session to one evaluation at a time.
 */
final class RemoteSession implements AutoCloseable {
    private static final String PRELUDE = "import java.util.*; import java.util.function.*; import java.util.stream.*; "
            + "import novalab.jshell.sdk.*; var cloud = Cloud.connect();";
    /** Stack of the thread that compiles and runs a session's snippets (javac recurses on nesting). */
    private static final long COMPILER_STACK = 16L << 20;
    /** Compile time allowed on top of the run-time limits before a session is given up. */
    private static final long COMPILE_GRACE_MS = 20_000;
    private final PoolConfig config;
    private final Process process;
    private final JShell shell;
    private final Output output;
    private final SdkChannel sdk;
    private final Guarded guarded;
    private volatile String owner;
    private volatile long lastUsed = System.currentTimeMillis();
    private boolean busy;
    private volatile boolean alive = true;
    /** Set by JShell when its execution engine went away (the sandbox JVM exited while a snippet ran). */
    private volatile boolean engineDown;

    private RemoteSession(PoolConfig config, Process process, JShell shell, Output output, SdkChannel sdk, Guarded guarded, String owner) {
        this.config = config;
        this.process = process;
        this.shell = shell;
        this.output = output;
        this.sdk = sdk;
        this.guarded = guarded;
        this.owner = owner;
    }

    static RemoteSession start(PoolConfig config, Sandboxes boxes, String owner) {
        Process process;
        try {
            process = boxes.launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a sandbox JVM", e);
        }
        Output output = new Output(config.maxOutputChars());
        SdkChannel sdk = new SdkChannel(process.getOutputStream());
        AtomicReference<Guarded> guarded = new AtomicReference<>();
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() { return "novalab-sandbox"; }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> params) throws IOException {
                OutputStream toRemote = process.getOutputStream();
                ExecutionControl streaming = Util.remoteInputOutput(process.getInputStream(), toRemote,
                        Map.of("out", output, "err", output, "sdk", sdk), Map.of(),
                        (in, out) -> new StreamingExecutionControl(out, in));
                Guarded g = new Guarded(streaming, process, config, sdk, boxes.jar().toString());
                guarded.set(g);
                return g;
            }
        };
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        JShell shell;
        try {
            shell = JShell.builder().executionEngine(provider, Map.of()).out(sink).err(sink).build();
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        shell.addToClasspath(boxes.jar().toString());
        RemoteSession s = new RemoteSession(config, process, shell, output, sdk, guarded.get(), owner);
        shell.onShutdown(js -> s.engineDown = true);
        output.stopper = () -> s.guarded.kill("printed more than " + (config.maxOutputChars() * 16L / 1000) + " thousand characters");
        SnippetResult warm = s.eval(PRELUDE, SdkTransport.none());
        if (warm.outcome() != SnippetResult.Outcome.OK) {
            s.close();
            throw new IllegalStateException("the sandbox JVM did not start: " + warm.text().strip());
        }
        return s;
    }

    Optional<String> owner() { return owner.isEmpty() ? Optional.empty() : Optional.of(owner); }

    void assign(String newOwner) { owner = newOwner; }

    long lastUsed() { return lastUsed; }

    boolean busy() { return busy; }

    void acquire() { busy = true; }

    void release() {
        busy = false;
        lastUsed = System.currentTimeMillis();
    }

    boolean alive() { return alive && !engineDown && process.isAlive(); }

    /** Evaluates one or more snippets; a limit hit ends the session ({@link #alive()} turns false). */
    SnippetResult eval(String source, SdkTransport transport) {
        Optional<String> tooBig = Sources.refuse(source);
        if (tooBig.isPresent()) {
            return new SnippetResult(SnippetResult.Outcome.ERROR, List.of(new SnippetResult.Entry(source.strip(), SnippetResult.Kind.ERRONEOUS,
                    Optional.empty(), Optional.empty(), "", "|  Error:\n|  " + tooBig.get())), "");
        }
        // The lab's compiler runs on the session's own thread (a deep stack, and a deadline the caller can stop waiting at:
        // javac cannot be interrupted, so a snippet that makes it run away ends its session instead of holding a lab thread).
        java.util.concurrent.FutureTask<SnippetResult> task = new java.util.concurrent.FutureTask<>(() -> evalChecked(source, transport));
        Thread worker = new Thread(null, task, "jshell-session", COMPILER_STACK);
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(4 * config.wallMs() + COMPILE_GRACE_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            alive = false;
            guarded.kill("took too long to compile");
            return SnippetResult.notice(SnippetResult.Outcome.STOPPED,
                    "Your snippet took too long to compile and was stopped; your session was restarted.");
        } catch (java.util.concurrent.ExecutionException e) {
            // the lab-side compiler failed on this input: its state is suspect, so this session ends
            alive = false;
            return SnippetResult.notice(SnippetResult.Outcome.STOPPED,
                    "The compiler could not handle this snippet; your session was restarted.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            alive = false;
            return SnippetResult.notice(SnippetResult.Outcome.STOPPED, "The evaluation was cancelled; your session was restarted.");
        } finally {
            sdk.transport = SdkTransport.none();
        }
    }

    private SnippetResult evalChecked(String source, SdkTransport transport) {
        sdk.transport = transport;
        List<SnippetResult.Entry> entries = new ArrayList<>();
        SnippetResult.Outcome outcome = SnippetResult.Outcome.OK;
        String notice = "";
        String remaining = source;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        while (alive() && !remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String snippet;
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            if (info.completeness().isComplete()) {
                snippet = info.source();
                remaining = info.remaining();
            } else {
                snippet = remaining;
                remaining = "";
            }
            output.reset();
            guarded.beginSnippet();
            List<jdk.jshell.SnippetEvent> events;
            try {
                events = shell.eval(snippet);
            } catch (IllegalStateException e) {
                // the execution engine is gone (the channel to the sandbox JVM broke)
                events = List.of();
                if (guarded.stopReason().isEmpty()) guarded.kill("broke the sandbox's connection to the lab");
            }
            Optional<String> stopped = guarded.stopReason();
            Optional<String> refused = guarded.takeRefusal();
            if (stopped.isEmpty() && (engineDown || !process.isAlive())) stopped = Optional.of(deathReason());
            if (stopped.isPresent()) {
                alive = false;
                entries.add(new SnippetResult.Entry(snippet.strip(), Render.kind(events), Optional.empty(), Optional.empty(), output.text(), ""));
                outcome = SnippetResult.Outcome.STOPPED;
                notice = stopped.get() + "; your session was restarted.";
                break;
            }
            if (refused.isPresent()) {
                events.stream().filter(e -> e.causeSnippet() == null).forEach(e -> shell.drop(e.snippet()));
                entries.add(new SnippetResult.Entry(snippet.strip(), Render.kind(events), Optional.empty(), Optional.empty(), output.text(),
                        "|  Refused: " + refused.get()));
                outcome = SnippetResult.Outcome.REFUSED;
                continue;
            }
            SnippetResult.Entry e = Render.entry(shell, snippet.strip(), events, output.text());
            entries.add(e);
            if (outcome == SnippetResult.Outcome.OK && (e.exception().isPresent() || e.kind() == SnippetResult.Kind.ERRONEOUS
                    || e.display().startsWith("|  Error"))) {
                outcome = SnippetResult.Outcome.ERROR;
            }
        }
        sdk.transport = SdkTransport.none();
        return new SnippetResult(outcome, entries, notice);
    }

    private String deathReason() {
        try {
            process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive() && process.exitValue() == 3) return "Your snippet used more memory than the playground's " + config.heapMb() + " MB";
        if (!process.isAlive() && process.exitValue() == 128 + 24) return "Your session used up its CPU time";
        return "Your snippet ended the sandbox it ran in" + (process.isAlive() ? "" : " (exit status " + process.exitValue() + ")");
    }

    @Override
    public void close() {
        alive = false;
        sdk.shutdown();
        try {
            shell.close();
        } catch (RuntimeException e) {
            // closing a dead engine may complain; the process goes below anyway
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Snippet stdout/stderr for the current snippet, kept up to a cap; far past it the snippet is stopped. */
    static final class Output extends OutputStream {
        private final int cap;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private long total;
        volatile Runnable stopper = () -> {};

        Output(int cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            total += len;
            int room = cap - kept.size();
            if (room > 0) kept.write(b, off, Math.min(room, len));
            if (total > cap * 16L) stopper.run();
        }

        synchronized void reset() {
            kept.reset();
            total = 0;
        }

        synchronized String text() {
            String t = kept.toString(StandardCharsets.UTF_8);
            if (total > cap) t += "\n... (" + (total - kept.size()) + " more bytes of output not shown)\n";
            return t;
        }
    }
}
