package novalab.exercises.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.scheduler.external.ExternalScheduling;
import novalab.jshell.JShellPool;
import novalab.jshell.PoolConfig;
import novalab.jshell.SnippetResult;

/**
 * The lab's runner of student filters and weighers on the shared JShell pool (module jshell): the class is
 * first compiled here with javac for a clear message and its shape, then evaluated in a pooled, locked-down
 * JVM after a prelude that declares the scheduler's types, and asked about every host in one snippet. The
 * pool's limits (time, CPU, memory, forbidden APIs) apply; a stop comes back as the case's failure.
 * Answers are cached by source and input, so a replay asks the pool nothing new. Where the pool cannot start,
 * {@link ChildJvmScheduling} runs the class in a locked-down child JVM instead.
 */
public final class PoolScheduling implements ExternalScheduling {
    private static final int CACHE = 512;
    private static volatile JShellPool shared;

    private final ChildJvmScheduling compiler = new ChildJvmScheduling();
    private final Map<String, List<CaseAnswer>> answers = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, List<CaseAnswer>> e) { return size() > CACHE; }
    });
    private final java.util.function.Supplier<JShellPool> pool;

    /** The runner the lab installs (ServiceLoader): the pool handed to {@link #share}, else one of its own. */
    public PoolScheduling() { this(PoolScheduling::sharedPool); }

    public PoolScheduling(java.util.function.Supplier<JShellPool> pool) { this.pool = pool; }

    /** Lets the lab process hand its one pool (the playground's) to the scheduler's runner; call before first use. */
    public static void share(JShellPool pool) { shared = pool; }

    /**
     * The process's one pool of sandbox JVMs (the one handed to {@link #share}, else started on first use with the
     * pool's defaults and closed when the process exits): the web lab's playground and this runner both use it.
     */
    public static JShellPool processPool() {
        return sharedPool();
    }

    private static JShellPool sharedPool() {
        JShellPool p = shared;
        if (p != null) return p;
        synchronized (PoolScheduling.class) {
            if (shared == null) {
                JShellPool own = JShellPool.start(PoolConfig.defaults());
                Runtime.getRuntime().addShutdownHook(new Thread(own::close, "scheduler-pool-close"));
                shared = own;
            }
            return shared;
        }
    }

    @Override
    public Optional<String> check(StudentClass cls) { return compiler.check(cls); }

    @Override
    public List<CaseAnswer> run(StudentClass cls, List<HostCase> cases) {
        Optional<String> bad = check(cls);
        if (bad.isPresent()) return cases.stream().map(c -> CaseAnswer.failed(cls.className() + " does not compile: " + bad.get())).toList();
        String input = Cases.encode(cases);
        String key = ChildJvmScheduling.key(cls.kind() + "\n" + cls.className() + "\n" + cls.source() + "\n" + input);
        List<CaseAnswer> cached = answers.get(key);
        if (cached != null) return cached;
        String owner = "scheduler:" + key;
        SnippetResult r;
        JShellPool p;
        try {
            p = pool.get();
        } catch (RuntimeException e) {
            // No pool on this machine (it could not prepare its sandbox JVMs): a child JVM of our own still isolates the code.
            return compiler.run(cls, cases);
        }
        try {
            // Three evaluations, so that each snippet's first line is line 1 of its source (line numbers map back to the file).
            r = p.eval(owner, Prelude.TEXT + (otherImports(cls).isEmpty() ? "" : "\n" + otherImports(cls)));
            if (r.outcome() == SnippetResult.Outcome.OK) r = p.eval(owner, studentSnippet(cls));
            if (r.outcome() == SnippetResult.Outcome.OK) r = p.eval(owner, "System.out.print(NovalabRun.run(\"" + cls.kind() + "\", \"" + cls.className() + "\", " + dropped(cls) + ", () -> new "
                    + cls.className() + "(), \"" + input + "\"));");
        } finally {
            p.reset(owner);
        }
        List<CaseAnswer> out = answersOf(cls, cases, r);
        boolean transientFailure = r.outcome() == SnippetResult.Outcome.BUSY;
        if (!transientFailure) answers.put(key, out);
        return out;
    }

    /**
     * The student's file as a JShell snippet: the lines before the first declaration (imports of the SDK,
     * whose types the prelude declares; comments) dropped, so a snippet line plus {@link #dropped} is the file's line.
     */
    static String studentSnippet(StudentClass cls) {
        List<String> lines = withoutImports(cls.source()).lines().toList();
        return String.join("\n", lines.subList(dropped(cls), lines.size()));
    }

    private static final java.util.regex.Pattern IMPORT = java.util.regex.Pattern.compile("import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;");

    /** The file with its import statements blanked out (same lines and columns). */
    private static String withoutImports(String source) {
        return IMPORT.matcher(source).replaceAll(m -> " ".repeat(m.group().length()));
    }

    /** The file's imports other than the SDK's (whose types the prelude declares), as JShell import snippets. */
    static String otherImports(StudentClass cls) {
        List<String> out = new ArrayList<>();
        var m = IMPORT.matcher(cls.source());
        while (m.find()) if (!m.group().matches("import\\s+nova\\.scheduler\\..*")) out.add(m.group());
        return String.join("\n", out);
    }

    /** How many lines come before the line that starts the class declaration. */
    static int dropped(StudentClass cls) {
        List<String> lines = withoutImports(cls.source()).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.matches("(public\\s+|final\\s+|abstract\\s+)*(class|record|enum|interface)\\s.*")) return i;
        }
        return 0;
    }

    private static List<CaseAnswer> answersOf(StudentClass cls, List<HostCase> cases, SnippetResult r) {
        String printed = r.entries().isEmpty() ? "" : r.entries().get(r.entries().size() - 1).output();
        if (r.outcome() == SnippetResult.Outcome.STOPPED || r.outcome() == SnippetResult.Outcome.BUSY || !printed.startsWith("C")) {
            String why = (r.notice().isBlank() ? firstProblem(r) : r.notice()).replace("; your session was restarted.", ".");
            return cases.stream().map(c -> CaseAnswer.failed(cls.className() + " could not be run in the sandbox: " + why)).toList();
        }
        List<CaseAnswer> out = new ArrayList<>();
        List<HostAnswer> current = null;
        int hostIndex = 0;
        for (String line : printed.split("\n")) {
            if (line.equals("C")) {
                if (current != null) out.add(new CaseAnswer(Optional.empty(), current));
                current = new ArrayList<>();
                hostIndex = 0;
                continue;
            }
            if (current == null || out.size() >= cases.size()) break;
            HostCase c = cases.get(out.size());
            if (hostIndex >= c.hosts().size()) continue;
            String host = c.hosts().get(hostIndex++).host();
            String[] f = line.split(" ", 3);
            if (f[0].equals("ok")) current.add(new HostAnswer(host, Boolean.parseBoolean(f[1]), Double.parseDouble(f[2]), Optional.empty()));
            else current.add(new HostAnswer(host, false, 0, Optional.of(new String(Base64.getDecoder().decode(f[1]), StandardCharsets.UTF_8))));
        }
        if (current != null) out.add(new CaseAnswer(Optional.empty(), current));
        while (out.size() < cases.size()) out.add(CaseAnswer.failed(cls.className() + " gave no answer"));
        return out;
    }

    /** The first refusal, error or exception the pool reported, on one line without JShell's "|  " margins. */
    private static String firstProblem(SnippetResult r) {
        for (SnippetResult.Entry e : r.entries()) {
            if (e.exception().isPresent()) return e.exception().get();
            if (e.kind() == SnippetResult.Kind.ERRONEOUS || e.display().contains("Error") || e.display().contains("Refused")) {
                return e.display().lines().map(l -> l.replaceFirst("^\\|\\s*", "").strip()).filter(l -> !l.isEmpty())
                        .reduce((a, b) -> a + " " + b).orElse("it did not compile in the sandbox");
            }
        }
        return "the sandbox JVM stopped before answering (did the class run out of memory?)";
    }

    /** The cases as one Java string literal's content: hosts as tab-separated fields, escaped for the snippet. */
    static final class Cases {
        private Cases() {}

        static String encode(List<HostCase> cases) {
            StringBuilder sb = new StringBuilder();
            for (HostCase c : cases) {
                RequestView q = c.request();
                sb.append("C|").append(b64(q.flavorName())).append('|').append(q.vcpus()).append('|').append(q.ramMb()).append('|')
                        .append(q.diskGb()).append('|').append(b64(q.imageName())).append('|');
                List<String> specs = new ArrayList<>();
                new java.util.TreeMap<>(q.extraSpecs()).forEach((k, v) -> specs.add(b64(k) + "=" + b64(v)));
                sb.append(String.join(",", specs)).append(';');
                for (HostView h : c.hosts()) {
                    List<String> traits = h.traits().stream().sorted().map(Cases::b64).toList();
                    sb.append("H|").append(b64(h.host())).append('|').append(b64(h.nodename())).append('|').append(b64(h.cell()))
                            .append('|').append(h.totalRamMb()).append('|').append(h.freeRamMb()).append('|').append(h.vcpus())
                            .append('|').append(h.vcpusUsed()).append('|').append(h.totalDiskGb()).append('|').append(h.freeDiskMb())
                            .append('|').append(h.numInstances()).append('|').append(h.gpus()).append('|')
                            .append(String.join(",", traits)).append(';');
                }
            }
            return sb.toString();
        }

        private static String b64(String s) {
            return Base64.getEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The scheduler's types and the host-by-host runner, as JShell snippets evaluated before the student's class. */
    static final class Prelude {
        private Prelude() {}

        static final String TEXT = """
                class NovalabProbe {
                    static void boom() { throw new IllegalStateException("where do snippet lines start?"); }
                }
                record HostState(String host, String nodename, String cell, int totalRamMb, int freeRamMb, int vcpus, int vcpusUsed,
                                 int totalDiskGb, int freeDiskMb, int numInstances, int gpus, Set<String> traits) {
                    public int freeVcpus() { return vcpus - vcpusUsed; }
                    public boolean hasTrait(String trait) { return traits.contains(trait); }
                }
                record RequestSpec(String flavorName, int vcpus, int ramMb, int diskGb, Map<String, String> extraSpecs, String imageName) {}
                interface HostFilter { boolean hostPasses(HostState host, RequestSpec spec); }
                interface HostWeigher { double weigh(HostState host, RequestSpec spec); }
                class NovalabRun {
                    static String d(String s) { return new String(Base64.getDecoder().decode(s), java.nio.charset.StandardCharsets.UTF_8); }
                    static String e(String s) { return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
                    static int shift = 0;
                    /** The line a frame of class {@code name} reports, or -1. */
                    static int line(Throwable t, String name) {
                        java.io.StringWriter sw = new java.io.StringWriter();
                        t.printStackTrace(new java.io.PrintWriter(sw));
                        for (String l : sw.toString().split("\\n")) {
                            String s = l.strip();
                            int paren = s.lastIndexOf('(');
                            int colon = s.lastIndexOf(':');
                            if (s.startsWith("at ") && paren > 0 && colon > paren && s.endsWith(")")
                                    && (s.contains("$" + name + ".") || s.contains("$" + name + "$"))) {
                                try { return Integer.parseInt(s.substring(colon + 1, s.length() - 1)); } catch (NumberFormatException e) { return -1; }
                            }
                        }
                        return -1;
                    }
                    static String describe(Throwable t, String name) {
                        int at = line(t, name);
                        String where = at < 0 ? "" : " (" + name + ".java:" + (at + shift) + ")";
                        return String.valueOf(t).replace('\\n', ' ') + where;
                    }
                    static String run(String kind, String name, int dropped, Supplier<Object> make, String cases) {
                        int probe = -1;
                        try { NovalabProbe.boom(); } catch (RuntimeException x) { probe = line(x, "NovalabProbe"); }
                        shift = probe < 0 ? 0 : dropped - (probe - 2);
                        StringBuilder out = new StringBuilder();
                        Object made = null;
                        String makeError = null;
                        try { made = make.get(); } catch (Throwable t) { makeError = describe(t, name); }
                        RequestSpec spec = null;
                        for (String item : cases.split(";")) {
                            if (item.isEmpty()) continue;
                            String[] f = item.split("\\\\|", -1);
                            if (f[0].equals("C")) {
                                Map<String, String> extra = new HashMap<>();
                                if (!f[6].isEmpty()) for (String kv : f[6].split(",")) { String[] p = kv.split("=", 2); extra.put(d(p[0]), d(p[1])); }
                                spec = new RequestSpec(d(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra)), d(f[5]));
                                out.append("C\\n");
                                continue;
                            }
                            Set<String> traits = new HashSet<>();
                            if (!f[12].isEmpty()) for (String t : f[12].split(",")) traits.add(d(t));
                            HostState h = new HostState(d(f[1]), d(f[2]), d(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                                    Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]), java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(traits)));
                            if (makeError != null) { out.append("raised ").append(e(makeError)).append("\\n"); continue; }
                            try {
                                if (kind.equals("FILTER")) {
                                    if (!(made instanceof HostFilter hf)) { out.append("raised ").append(e(name + " is not a HostFilter")).append("\\n"); continue; }
                                    boolean pass = hf.hostPasses(h, spec);
                                    out.append("ok ").append(pass).append(" 0\\n");
                                } else {
                                    if (!(made instanceof HostWeigher hw)) { out.append("raised ").append(e(name + " is not a HostWeigher")).append("\\n"); continue; }
                                    double w = hw.weigh(h, spec);
                                    if (Double.isNaN(w) || Double.isInfinite(w)) out.append("raised ").append(e(name + ".weigh returned " + w)).append("\\n");
                                    else out.append("ok false ").append(w).append("\\n");
                                }
                            } catch (Throwable t) {
                                out.append("raised ").append(e(describe(t, name))).append("\\n");
                            }
                        }
                        return out.toString();
                    }
                }
                """;
    }
}
