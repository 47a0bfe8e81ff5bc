package novalab.jshell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fair pool of sandbox JVMs running JShell sessions, one session per owner (a student, or a grader's key).
 *
 * <p>Fairness: an owner has at most one evaluation in flight (a second one is answered {@link SnippetResult.Outcome#BUSY});
 * waiting evaluations are served strictly in arrival order, so with each snippet capped by {@link PoolConfig#wallMs()} no
 * owner waits behind more than one snippet of each other owner. A session keeps its JVM while in use; when every JVM is
 * taken, the least recently used idle session is closed (its declarations are restored when its owner comes back).
 * A warm spare JVM is kept started so a new owner does not wait for a JVM to boot.
 *
 * <p>Thread-safe; {@link #eval} blocks the calling thread until the evaluation ends.
 */
public final class JShellPool implements AutoCloseable {
    private final PoolConfig config;
    private final Sandboxes sandboxes;
    private final Object lock = new Object();
    private final List<RemoteSession> sessions = new ArrayList<>();
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<String, List<String>> declarations = new HashMap<>();
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong evaluations = new AtomicLong();
    private int starting;
    private boolean closed;
    private final Thread janitor;

    private JShellPool(PoolConfig config, Sandboxes sandboxes) {
        this.config = config;
        this.sandboxes = sandboxes;
        this.janitor = new Thread(this::janitor, "jshell-pool-janitor");
        janitor.setDaemon(true);
        janitor.start();
        topUpSpares();
    }

    /** Starts a pool (and its warm spare in the background). */
    public static JShellPool start(PoolConfig config) {
        return new JShellPool(config, Sandboxes.prepare(config));
    }

    public PoolConfig config() { return config; }

    /** Evaluates {@code source} (one or more snippets) in {@code owner}'s session, with no cloud attached. */
    public SnippetResult eval(String owner, String source) {
        return eval(owner, source, SdkTransport.none());
    }

    /** Evaluates {@code source} (one or more snippets) in {@code owner}'s session; SDK calls go to {@code transport}. */
    public SnippetResult eval(String owner, String source, SdkTransport transport) {
        Ticket t = new Ticket(owner);
        RemoteSession s;
        synchronized (lock) {
            if (closed) return SnippetResult.notice(SnippetResult.Outcome.BUSY, "The playground is shutting down.");
            if (!inFlight.add(owner)) {
                return SnippetResult.notice(SnippetResult.Outcome.BUSY, "Your previous snippet is still running: wait for it to finish.");
            }
            queue.add(t);
            long deadline = System.currentTimeMillis() + config.queueWaitMs();
            try {
                while (true) {
                    if (queue.peek() == t) {
                        s = claim(owner);
                        if (s != null || sessions.size() + starting < config.maxJvms()) break;
                    }
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0 || closed) {
                        queue.remove(t);
                        inFlight.remove(owner);
                        lock.notifyAll();
                        return SnippetResult.notice(SnippetResult.Outcome.BUSY,
                                "The playground is busy: every sandbox is running someone's snippet. Try again in a few seconds.");
                    }
                    lock.wait(Math.min(left, 200));
                }
                queue.poll();
                if (s == null) starting++;
                lock.notifyAll();
            } catch (InterruptedException e) {
                queue.remove(t);
                inFlight.remove(owner);
                Thread.currentThread().interrupt();
                return SnippetResult.notice(SnippetResult.Outcome.BUSY, "The evaluation was cancelled.");
            }
        }
        try {
            boolean fresh = false;
            if (s == null) {
                try {
                    s = sandboxes.start(owner);
                } finally {
                    synchronized (lock) {
                        starting--;
                        if (s != null) {
                            s.acquire(); // ours from the start: never an eviction candidate while we use it
                            sessions.add(s);
                        }
                        lock.notifyAll();
                    }
                }
                fresh = true;
            } else if (s.owner().isEmpty()) {
                s.assign(owner);
                fresh = true;
            }
            topUpSpares();
            String restored = "";
            if (fresh) restored = restore(owner, s);
            evaluations.incrementAndGet();
            SnippetResult r = s.eval(source, transport);
            remember(owner, r);
            if (!s.alive()) {
                restarts.incrementAndGet();
                synchronized (lock) {
                    sessions.remove(s);
                    lock.notifyAll();
                }
                s.close();
                topUpSpares();
            }
            if (!restored.isEmpty()) r = new SnippetResult(r.outcome(), r.entries(), (restored + " " + r.notice()).strip());
            return r;
        } catch (RuntimeException e) {
            if (s != null) {
                synchronized (lock) {
                    sessions.remove(s);
                }
                s.close();
            }
            return SnippetResult.notice(SnippetResult.Outcome.STOPPED,
                    "The sandbox could not run your snippet (" + e.getMessage() + "); your session was restarted.");
        } finally {
            synchronized (lock) {
                if (s != null) s.release();
                inFlight.remove(owner);
                lock.notifyAll();
            }
        }
    }

    /** Closes {@code owner}'s session and forgets its declarations. */
    public void reset(String owner) {
        RemoteSession victim = null;
        synchronized (lock) {
            declarations.remove(owner);
            for (RemoteSession s : sessions) {
                if (s.owner().equals(Optional.of(owner)) && !s.busy()) victim = s;
            }
            if (victim != null) sessions.remove(victim);
            lock.notifyAll();
        }
        if (victim != null) victim.close();
        topUpSpares();
    }

    /** A snapshot for monitoring and the bench. */
    public Stats stats() {
        synchronized (lock) {
            int busy = 0;
            int spare = 0;
            for (RemoteSession s : sessions) {
                if (s.busy()) busy++;
                if (s.owner().isEmpty()) spare++;
            }
            return new Stats(sessions.size(), busy, spare, queue.size(), restarts.get(), evaluations.get(), sandboxes.layers());
        }
    }

    /**
     * @param jvms sandbox JVMs alive; @param busy running a snippet; @param spares warm and unowned; @param queued waiting;
     * @param restarts sessions stopped by a limit; @param evaluations evaluations started; @param layers the isolation in force
     */
    public record Stats(int jvms, int busy, int spares, int queued, long restarts, long evaluations, String layers) {}

    @Override
    public void close() {
        List<RemoteSession> all;
        synchronized (lock) {
            closed = true;
            all = new ArrayList<>(sessions);
            sessions.clear();
            lock.notifyAll();
        }
        janitor.interrupt();
        all.forEach(RemoteSession::close);
        sandboxes.close();
    }

    // ---- internals (callers hold the lock where noted) ----

    /** Under the lock: the owner's idle session, else a spare, else an evicted LRU idle session's slot (null if none). */
    private RemoteSession claim(String owner) {
        RemoteSession spare = null;
        RemoteSession lru = null;
        for (RemoteSession s : sessions) {
            if (s.busy()) continue;
            if (s.owner().equals(Optional.of(owner))) {
                s.acquire();
                return s;
            }
            if (s.owner().isEmpty()) spare = s;
            else if (lru == null || s.lastUsed() < lru.lastUsed()) lru = s;
        }
        if (spare != null) {
            spare.acquire();
            return spare;
        }
        if (sessions.size() + starting < config.maxJvms()) return null;
        if (lru != null) {
            sessions.remove(lru);
            Thread closer = new Thread(lru::close, "jshell-pool-evict");
            closer.setDaemon(true);
            closer.start();
        }
        return null;
    }

    private String restore(String owner, RemoteSession s) {
        List<String> decl;
        synchronized (lock) {
            decl = List.copyOf(declarations.getOrDefault(owner, List.of()));
        }
        if (decl.isEmpty()) return "";
        for (String d : decl) s.eval(d, SdkTransport.none());
        return "(Your session was started afresh: your " + decl.size() + " import(s), class(es) and method(s) were restored; variables were not.)";
    }

    private void remember(String owner, SnippetResult r) {
        synchronized (lock) {
            List<String> decl = declarations.computeIfAbsent(owner, k -> new ArrayList<>());
            List<SnippetResult.Entry> entries = r.entries();
            if (r.outcome() == SnippetResult.Outcome.STOPPED && !entries.isEmpty()) entries = entries.subList(0, entries.size() - 1);
            for (SnippetResult.Entry e : entries) {
                boolean declaration = e.kind() == SnippetResult.Kind.IMPORT || e.kind() == SnippetResult.Kind.CLASS
                        || e.kind() == SnippetResult.Kind.METHOD;
                if (declaration && e.exception().isEmpty() && !e.display().startsWith("|  Error") && !e.display().startsWith("|  Refused")) {
                    decl.add(e.source());
                    if (decl.size() > 200) decl.remove(0);
                }
            }
        }
    }

    private void topUpSpares() {
        synchronized (lock) {
            if (closed) return;
            long spares = sessions.stream().filter(s -> s.owner().isEmpty()).count();
            if (spares + starting >= config.warmSpares() || sessions.size() + starting >= config.maxJvms()) return;
            starting++;
        }
        Thread t = new Thread(() -> {
            RemoteSession s = null;
            try {
                s = sandboxes.start("");
            } catch (RuntimeException e) {
                // no spare this time; the next evaluation starts its own JVM
            } finally {
                boolean keep;
                synchronized (lock) {
                    starting--;
                    keep = s != null && !closed;
                    if (keep) sessions.add(s);
                    lock.notifyAll();
                }
                if (!keep && s != null) s.close();
            }
        }, "jshell-pool-spare");
        t.setDaemon(true);
        t.start();
    }

    private void janitor() {
        while (true) {
            try {
                Thread.sleep(Math.max(1_000, Math.min(config.idleEvictMs() / 4, 30_000)));
            } catch (InterruptedException e) {
                return;
            }
            List<RemoteSession> idle = new ArrayList<>();
            synchronized (lock) {
                if (closed) return;
                long now = System.currentTimeMillis();
                for (RemoteSession s : sessions) {
                    if (!s.busy() && s.owner().isPresent() && now - s.lastUsed() > config.idleEvictMs()) idle.add(s);
                    else if (!s.busy() && !s.alive()) idle.add(s);
                }
                sessions.removeAll(idle);
                lock.notifyAll();
            }
            idle.forEach(RemoteSession::close);
            if (!idle.isEmpty()) topUpSpares();
        }
    }

    private record Ticket(String owner) {}
}
