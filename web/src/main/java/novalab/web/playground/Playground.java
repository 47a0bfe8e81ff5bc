package novalab.web.playground;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import novalab.engine.wire.OpenStackWire;
import novalab.jshell.JShellPool;
import novalab.jshell.SnippetResult;
import novalab.jshell.cloud.WireTransport;
import novalab.web.account.User;
import novalab.web.api.OpenStackApi;
import novalab.web.lab.LabSessions;

/**
 * The students' JShell sessions: one pool of sandbox JVMs for the whole lab (started on first use), one session per
 * student, whose SDK calls go to the student's terminal sandbox through the OpenStack wire dispatcher under the
 * student's lock and are stored in their history as {@code __api} lines (so the grader sees them like typed commands).
 * Keeps the last {@value #KEPT} evaluations of each student for the page.
 */
public final class Playground implements AutoCloseable {
    static final int KEPT = 40;
    private final LabSessions labs;
    private final Supplier<JShellPool> start;
    private volatile JShellPool pool;
    private final Map<Long, WireTransport> transports = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Shown>> transcripts = new ConcurrentHashMap<>();
    private final boolean ownsPool;
    /** Tells this lab's sessions apart from another lab's in the same process when they share one pool. */
    private final String ownerPrefix = "playground-" + java.util.UUID.randomUUID() + ":";

    /** One evaluation as the page shows it. */
    public record Shown(String source, String outcome, String text) {}

    /** A playground that starts its own pool on first use and closes it with itself. */
    public Playground(LabSessions labs, Supplier<JShellPool> start) {
        this(labs, start, true);
    }

    /**
     * {@code ownsPool = false}: the pool is the process's one pool, shared with the scheduler's runner of student
     * filters (so students share one set of sandbox JVMs fairly), and outlives this playground.
     */
    public Playground(LabSessions labs, Supplier<JShellPool> start, boolean ownsPool) {
        this.labs = labs;
        this.start = start;
        this.ownsPool = ownsPool;
    }

    private JShellPool pool() {
        JShellPool p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) pool = start.get();
                p = pool;
            }
        }
        return p;
    }

    /** Runs {@code source} in the student's session; {@code publicBase} is {@code http://host:port} as the student sees it. */
    public SnippetResult run(User user, String publicBase, String source) {
        WireTransport t = transports.computeIfAbsent(user.id(), id -> transport(user, publicBase));
        SnippetResult r = pool().eval(owner(user), source, t);
        if (r.outcome() != SnippetResult.Outcome.BUSY) {
            Deque<Shown> d = transcripts.computeIfAbsent(user.id(), id -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(new Shown(source.strip(), r.outcome().name(), r.text()));
                while (d.size() > KEPT) d.removeFirst();
            }
        }
        return r;
    }

    /** A fresh JShell session for the student (their cloud is untouched). */
    public void reset(User user) {
        if (pool != null) pool.reset(owner(user));
        transcripts.remove(user.id());
    }

    public List<Shown> transcript(User user) {
        Deque<Shown> d = transcripts.get(user.id());
        if (d == null) return List.of();
        synchronized (d) {
            return List.copyOf(d);
        }
    }

    private String owner(User user) {
        return ownerPrefix + user.id();
    }

    private WireTransport transport(User user, String publicBase) {
        String id = labs.apiId(user);
        return new WireTransport(work -> labs.apiDirectory().serve(id, work)
                .orElseGet(() -> OpenStackWire.error(503, "Service Unavailable", "Your sandbox cannot answer right now.")),
                publicBase + OpenStackApi.PREFIX + id, WireTransport.Credentials.nebula(),
                (at, call, r) -> labs.recordApi(id, at, call, r));
    }

    @Override
    public void close() {
        JShellPool p = pool;
        if (p == null) return;
        if (ownsPool) {
            p.close();
        } else {
            transports.keySet().forEach(id -> p.reset(ownerPrefix + id)); // the shared pool stays; this lab's sessions go
        }
    }

}
