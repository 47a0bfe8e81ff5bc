package novalab.web.lab;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import novalab.exercises.Catalog;
import novalab.exercises.Exercise;
import novalab.exercises.ExerciseSandbox;
import novalab.web.BadInput;
import novalab.web.account.User;
import novalab.engine.wire.ApiCall;
import novalab.engine.wire.ApiResponse;
import novalab.engine.wire.HistoryLines;
import novalab.web.api.OpenStackApi;
import novalab.web.api.SandboxDirectory;
import novalab.web.db.Database;

/**
 * Every student's sandboxes: one per student and lab key ({@link #SCENARIO} for the free terminal, or an exercise id
 * for that exercise's sandbox, built by {@link ExerciseSandbox#create}), cached in memory and rebuilt
 * on first use by replaying the stored history with its offsets (so a restart loses nothing). Each command
 * is stored before it runs. A student's calls are serialised by that student's lock; students run in parallel.
 */
public final class LabSessions implements AutoCloseable {
    /** The one scenario of week 9. */
    public static final String SCENARIO = "nebula-inc";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");
    private static final int MAX_LINE = 4096;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LabSessions.class);

    private record Key(long userId, String scenario) {}

    private final CommandDao commands;
    private final Catalog catalog;
    private final AwsKeyDao awsKeys;
    private final String driver;
    private final LongSupplier wallClock;
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final Map<Key, LabSession> live = new ConcurrentHashMap<>();
    private final Map<String, Long> apiOwners = new ConcurrentHashMap<>();
    private final Map<Key, Long> lastUsed = new ConcurrentHashMap<>();

    /** {@code driver}: {@code libvirt}, {@code fake} or {@code ""} for the engine's default. */
    public LabSessions(Database db, String driver, LongSupplier wallClock) {
        this(db, driver, wallClock, Catalog.of(List.of()));
    }

    /** Sandboxes of the free terminal and of each exercise of {@code catalog}. */
    public LabSessions(Database db, String driver, LongSupplier wallClock, Catalog catalog) {
        this.commands = new CommandDao(db);
        this.catalog = catalog;
        this.awsKeys = new AwsKeyDao(db);
        this.driver = driver;
        this.wallClock = wallClock;
    }

    /** The seed of a student's sandbox: fixed per student, so every reset starts from the same cloud. */
    static long seedFor(long userId) {
        return 9_000 + userId;
    }

    private Object lock(Key k) {
        return locks.computeIfAbsent(k, x -> new Object());
    }

    /** How many sandboxes are in memory now. */
    public int liveCount() {
        return live.size();
    }

    /**
     * Frees memory: drops every sandbox unused for {@code idleMs}, then the least recently used ones beyond
     * {@code maxLive}. Nothing is lost: a dropped sandbox is rebuilt from its stored history on its next use.
     * Takes one student's lock at a time and never while holding another, so it cannot deadlock with a request.
     */
    public int evictIdle(long idleMs, int maxLive) {
        long now = wallClock.getAsLong();
        List<Map.Entry<Key, Long>> byAge = new java.util.ArrayList<>(lastUsed.entrySet());
        byAge.sort(Map.Entry.comparingByValue());
        int dropped = 0;
        int over = live.size() - maxLive;
        for (Map.Entry<Key, Long> e : byAge) {
            boolean idle = now - e.getValue() >= idleMs;
            if (!idle && over <= 0) break;
            synchronized (lock(e.getKey())) {
                Long used = lastUsed.get(e.getKey());
                if (used == null || !used.equals(e.getValue())) continue; // used meanwhile: keep it
                if (live.containsKey(e.getKey())) {
                    drop(e.getKey());
                    dropped++;
                    over--;
                }
                lastUsed.remove(e.getKey());
            }
        }
        return dropped;
    }

    /**
     * Checks a lab key as a page or script sends it: {@link #SCENARIO} or the id of an exercise of the catalog.
     * Anything else is a {@link BadInput} naming it.
     */
    public String labKey(String key) {
        if (key.equals(SCENARIO) || catalog.exercises().stream().anyMatch(e -> e.id().equals(key))) return key;
        throw new BadInput("There is no sandbox called '" + key + "': use " + SCENARIO + " (the free terminal) or an exercise id such as "
                + catalog.exercises().stream().findFirst().map(Exercise::id).orElse("01-the-menu") + ".");
    }

    private Optional<Exercise> exercise(String key) {
        return key.equals(SCENARIO) ? Optional.empty() : catalog.exercises().stream().filter(e -> e.id().equals(key)).findFirst();
    }

    private Key key(User user, String lab) {
        return new Key(user.id(), labKey(lab));
    }

    /** The live session, rebuilt by replay when it is not in memory. Call under the lock. */
    private LabSession session(Key k) {
        lastUsed.put(k, wallClock.getAsLong());
        LabSession s = live.get(k);
        if (s != null) return s;
        Optional<Exercise> exercise = exercise(k.scenario());
        Epoch e = commands.current(k.userId(), k.scenario())
                .orElseGet(() -> commands.start(k.userId(), k.scenario(), exercise.map(Exercise::seed).orElse(seedFor(k.userId())),
                        wallClock.getAsLong(), "new", Optional.empty(), 0));
        // an exercise's sandbox is the very one the grader replays: its scenario, its seed, its setup
        Sandbox box = exercise.map(x -> ExerciseSandbox.create(x, driver)).orElseGet(() -> Sandbox.create(c -> {
            c.seed = e.seed();
            c.driver = driver;
        }));
        s = new LabSession(e, box);
        for (Command c : commands.commands(e)) {
            try {
                s.replay(c);
            } catch (RuntimeException ex) {
                // never lock a student out of their sandbox: they can still rewind or reset past this command
                LOG.warn("replaying command {} of user {} failed: {}", c.seq(), k.userId(), ex.toString());
                s.history.add(c);
            }
        }
        live.put(k, s);
        return s;
    }

    /** Stores {@code line} with its offset, then runs it, in the free terminal's sandbox. */
    public RunReply run(User user, String line) {
        return run(user, SCENARIO, line);
    }

    /** Stores {@code line} with its offset, then runs it. A line that needs more input is neither stored nor run. */
    public RunReply run(User user, String lab, String line) {
        if (line.length() > MAX_LINE) throw new BadInput("A command line is at most " + MAX_LINE + " characters.");
        String text = line.replace("\r\n", "\n").replace('\r', '\n');
        if (HistoryLines.isRequest(text)) {
            throw new BadInput("Lines starting with __api or __ec2 are how your history records requests from your own openstack or aws client; "
                    + "they cannot be typed here.");
        }
        Key k = key(user, lab);
        synchronized (lock(k)) {
            LabSession s = session(k);
            if (text.isBlank()) return reply(s, 0, "", s.lastStatus, false, List.of());
            if (!s.box.shell().isComplete(text)) return reply(s, 0, "", s.lastStatus, true, List.of());
            long offset = Math.max(wallClock.getAsLong() - s.epoch.startedMs(), s.lastOffset());
            Command c = new Command(s.history.size() + 1, offset, text);
            commands.append(s.epoch, c);
            ExecResult r;
            try {
                r = s.run(c);
            } catch (RuntimeException ex) {
                drop(k); // the next use rebuilds this sandbox from its stored history
                throw ex;
            }
            return reply(s, c.seq(), ANSI.matcher(r.output()).replaceAll(""), r.status(), false, List.of());
        }
    }

    /** Tab completion for the last word of {@code partial}, in the free terminal's sandbox. */
    public RunReply complete(User user, String partial) {
        return complete(user, SCENARIO, partial);
    }

    /** Tab completion for the last word of {@code partial}. */
    public RunReply complete(User user, String lab, String partial) {
        Key k = key(user, lab);
        synchronized (lock(k)) {
            LabSession s = session(k);
            return reply(s, 0, "", s.lastStatus, false, s.box.shell().complete(partial));
        }
    }

    /** Resets the free terminal's sandbox. */
    public void reset(User user) {
        reset(user, SCENARIO);
    }

    /** Throws the sandbox away: the next generation starts from the scenario (or exercise) with an empty history. */
    public void reset(User user, String lab) {
        Key k = key(user, lab);
        synchronized (lock(k)) {
            LabSession old = session(k);
            commands.start(k.userId(), k.scenario(), old.epoch.seed(), wallClock.getAsLong(), "reset", Optional.empty(), 0);
            drop(k);
        }
    }

    /** Rewinds the free terminal's sandbox. */
    public void rewind(User user, int n) {
        rewind(user, SCENARIO, n);
    }

    /** Goes back to the state before command {@code n}: the next generation replays commands 1..n-1 and goes on from there. */
    public void rewind(User user, String lab, int n) {
        Key k = key(user, lab);
        synchronized (lock(k)) {
            LabSession old = session(k);
            int size = old.history.size();
            if (n < 1 || n > size) {
                throw new BadInput(size == 0 ? "There is nothing to rewind: this sandbox has no commands yet."
                        : "Pick a command number from 1 to " + size + " (got " + n + ").");
            }
            long resumeAt = n == 1 ? 0 : old.history.get(n - 2).offsetMs();
            commands.start(k.userId(), k.scenario(), old.epoch.seed(), wallClock.getAsLong() - resumeAt, "rewind to before " + n, Optional.of(old.epoch), n - 1);
            drop(k);
        }
    }

    /** The free terminal as a page draws it. */
    public TerminalView view(User user, String csrf) {
        return view(user, SCENARIO, csrf);
    }

    /** The terminal of sandbox {@code lab} as a page draws it. */
    public TerminalView view(User user, String lab, String csrf) {
        Key k = key(user, lab);
        synchronized (lock(k)) {
            LabSession s = session(k);
            return new TerminalView(s.box.shell().prompt(), simTime(s), s.epoch.number(), List.copyOf(s.history), csrf, k.scenario());
        }
    }

    /**
     * A student's gradable history of sandbox {@code lab}: the commands of its current (newest) generation, in order,
     * with their offsets, read from the store (empty when the student never used it). This is what a live check, a
     * batch grade and a regrade all replay.
     */
    public StoredHistory history(long userId, String lab) {
        String key = labKey(lab);
        Optional<Epoch> e = commands.current(userId, key);
        return new StoredHistory(userId, key, e.map(Epoch::number).orElse(0), e.map(commands::commands).orElse(List.of()));
    }

    /** Runs {@code read} on the student's live cloud of the free terminal under the lock (for the live views). */
    public <T> T inspect(User user, java.util.function.Function<novalab.engine.Cloud, T> read) {
        return inspect(user, SCENARIO, read);
    }

    /** Runs {@code read} on the student's live cloud of sandbox {@code lab} (checked with {@link #labKey}) under its lock. */
    public <T> T inspect(User user, String lab, java.util.function.Function<novalab.engine.Cloud, T> read) {
        Key k = key(user, lab);
        synchronized (lock(k)) {
            return read.apply(session(k).box.cloud());
        }
    }

    /**
     * The entries of the current generation of the student's sandbox {@code lab} numbered after {@code afterSeq}, read
     * from the store (so polling never rebuilds or keeps alive a sandbox dropped from memory): typed commands and the
     * requests the student's own openstack or aws client made.
     */
    public StoredHistory historyAfter(User user, String lab, int afterSeq) {
        String key = labKey(lab);
        Optional<Epoch> e = commands.current(user.id(), key);
        return new StoredHistory(user.id(), key, e.map(Epoch::number).orElse(0), e.map(x -> commands.commandsAfter(x, afterSeq)).orElse(List.of()));
    }

    /** The student's API sandbox id, the {@code <id>} of {@code /sandbox/<id>/...} (made on first use, kept across resets). */
    public String apiId(User user) {
        return commands.apiId(user.id(), SCENARIO);
    }

    /**
     * The students' sandboxes as {@link OpenStackApi} finds them: by API sandbox id, each request served under its
     * student's lock (so it never interleaves with a terminal command), after the simulated clock has caught up with
     * the wall clock as it does before a terminal command; a sandbox not in memory is rebuilt by replay first.
     */
    public SandboxDirectory apiDirectory() {
        return new SandboxDirectory() {
            @Override
            public Optional<Sandbox> sandbox(String id) {
                return key(id).map(k -> {
                    synchronized (lock(k)) {
                        return session(k).box;
                    }
                });
            }

            @Override
            public Optional<ApiResponse> serve(String id, java.util.function.Function<Sandbox, ApiResponse> work) {
                Optional<Key> k = key(id);
                if (k.isEmpty()) return Optional.empty();
                synchronized (lock(k.get())) {
                    LabSession s = session(k.get());
                    long offset = Math.max(wallClock.getAsLong() - s.epoch.startedMs(), s.lastOffset());
                    s.box.cloud().advanceTo(Math.max(s.box.cloud().nowMs(), offset));
                    try {
                        return Optional.of(work.apply(s.box));
                    } catch (RuntimeException ex) {
                        drop(k.get()); // the next use rebuilds this sandbox from its stored history
                        throw ex;
                    }
                }
            }
        };
    }

    /**
     * The {@link RequestRecorder} of {@link #apiDirectory()}: stores each answered request as a command
     * ({@link ApiCall#historyLine()}) at the simulated time it ran, inside the same critical section.
     */
    public void recordApi(String id, long atMs, ApiCall call, ApiResponse response) {
        recordLine(id, atMs, call.historyLine());
    }

    /**
     * Stores a request a real client made as the history line that replays it ({@code __ec2 …}), at the simulated time
     * it ran, inside the critical section of {@link #apiDirectory()}.
     */
    public void recordLine(String id, long atMs, String line) {
        Key k = key(id).orElseThrow(() -> new IllegalStateException("no API sandbox " + id));
        synchronized (lock(k)) {
            LabSession s = live.get(k);
            if (s == null) {
                // dropped between serving and recording: store it; the next use replays it with the rest
                Epoch e = commands.current(k.userId(), k.scenario()).orElseThrow(() -> new IllegalStateException("no sandbox for API " + id));
                commands.append(e, new Command(commands.commands(e).size() + 1, atMs, line));
                return;
            }
            Command c = new Command(s.history.size() + 1, atMs, line);
            commands.append(s.epoch, c);
            s.recorded(c);
        }
    }

    /** The student's EC2 access key (made on first use, kept across resets); its id selects their API sandbox. */
    public AwsKey awsKey(User user) {
        apiId(user);
        return awsKeys.key(user.id(), SCENARIO);
    }

    /** EC2 access key id → the owner's API sandbox id, for {@code novalab.web.api.Ec2Api}. */
    public novalab.web.api.Ec2Keys ec2Keys() {
        return accessKeyId -> awsKeys.owner(accessKeyId, SCENARIO).map(u -> commands.apiId(u, SCENARIO));
    }

    private Optional<Key> key(String apiId) {
        Long user = apiOwners.get(apiId);
        if (user == null) {
            Optional<Long> found = commands.apiOwner(apiId, SCENARIO);
            if (found.isEmpty()) return Optional.empty();
            user = found.get();
            apiOwners.put(apiId, user);
        }
        return Optional.of(new Key(user, SCENARIO));
    }

    private void drop(Key k) {
        LabSession s = live.remove(k);
        if (s != null) s.close();
    }

    private static RunReply reply(LabSession s, int seq, String output, int status, boolean incomplete, List<String> candidates) {
        return new RunReply(seq, output, status, s.box.shell().prompt(), simTime(s), incomplete, candidates);
    }

    private static String simTime(LabSession s) {
        long ms = s.box.cloud().nowMs();
        return String.format("%s (sandbox time +%d:%02d:%02d)", s.box.cloud().clock().isoZ(), ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
    }

    @Override
    public void close() {
        live.keySet().forEach(k -> {
            synchronized (lock(k)) {
                drop(k);
            }
        });
    }
}
