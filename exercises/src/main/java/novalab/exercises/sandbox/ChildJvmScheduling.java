package novalab.exercises.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import com.sun.source.util.JavacTask;
import novalab.engine.scheduler.external.ExternalScheduling;

/**
 * The lab's runner of student filters and weighers until the shared JShell pool takes over. The class is
 * compiled here with javac (compiling runs no student code), then run in a child {@code java} process:
 * {@code -Xmx64m}, one processor, a wall-time limit, and on JDKs that still have it a SecurityManager whose
 * policy gives the student's code base no permission at all (no files, sockets, processes, exit,
 * reflection into the runner). At most two child JVMs run at once. Answers are cached by source and input,
 * so a replay asks the same questions and gets the same answers without starting a JVM again.
 */
public final class ChildJvmScheduling implements ExternalScheduling {
    private static final String SDK = "/novalab/exercises/sandbox/sdk/";
    private static final List<String> SDK_FILES = List.of("nova/scheduler/HostState.java", "nova/scheduler/RequestSpec.java",
            "nova/scheduler/HostFilter.java", "nova/scheduler/HostWeigher.java", "novalab_sandbox/Runner.java");
    private static final int CACHE = 512;

    private final long timeoutMs;
    private final Semaphore slots = new Semaphore(2, true);
    private final Map<String, Optional<String>> checked = new ConcurrentHashMap<>();
    private final Map<String, List<CaseAnswer>> answers = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, List<CaseAnswer>> e) { return size() > CACHE; }
    });
    private volatile Path root;

    /** The runner the lab installs (ServiceLoader): 8 s of wall time per sandboxed run. */
    public ChildJvmScheduling() { this(8_000); }

    public ChildJvmScheduling(long timeoutMs) { this.timeoutMs = timeoutMs; }

    @Override
    public Optional<String> check(StudentClass cls) {
        return checked.computeIfAbsent(key(cls.kind() + "\n" + cls.className() + "\n" + cls.source()), k -> compile(cls, k));
    }

    @Override
    public List<CaseAnswer> run(StudentClass cls, List<HostCase> cases) {
        Optional<String> bad = check(cls);
        if (bad.isPresent()) return cases.stream().map(c -> CaseAnswer.failed(cls.className() + " does not compile: " + bad.get())).toList();
        String request = request(cls, cases);
        String k = key(cls.source() + "\n" + request);
        List<CaseAnswer> cached = answers.get(k);
        if (cached != null) return cached;
        List<CaseAnswer> fresh = runChild(cls, cases, request);
        boolean transientFailure = fresh.stream().anyMatch(a -> a.failure().filter(f -> f.startsWith("the sandbox could not start")).isPresent());
        if (!transientFailure) answers.put(k, fresh);
        return fresh;
    }

    // ----- compiling -----

    private Optional<String> compile(StudentClass cls, String k) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) return Optional.of("this lab runs on a Java without a compiler (javac)");
        if (!cls.className().matches("[A-Za-z_$][A-Za-z0-9_$]*")) return Optional.of("`" + cls.className() + "` is not a Java class name");
        try {
            Path dir = root().resolve("classes").resolve(k);
            Path src = root().resolve("src").resolve(k);
            Files.createDirectories(dir);
            Files.createDirectories(src);
            Path file = src.resolve(cls.className() + ".java");
            Files.writeString(file, cls.source(), StandardCharsets.UTF_8);
            DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
                var units = fm.getJavaFileObjects(file);
                List<String> opts = List.of("-d", dir.toString(), "-cp", root().resolve("sdk").toString(), "--release", "17",
                        "-proc:none", "-implicit:none", "-Xlint:none", "-nowarn");
                JavacTask task = (JavacTask) javac.getTask(null, fm, diags, opts, null, units);
                task.analyze();
                if (hasErrors(diags)) return Optional.of(errors(diags));
                Optional<String> bad = shape(task, cls);
                if (bad.isPresent()) return bad;
                task.generate();
                return hasErrors(diags) ? Optional.of(errors(diags)) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.of("the sandbox could not save the class: " + e.getMessage());
        }
    }

    private static boolean hasErrors(DiagnosticCollector<JavaFileObject> diags) {
        return diags.getDiagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }

    /** javac's own words for the first errors: {@code GpuRamFilter.java:4: error: ';' expected}. */
    private static String errors(DiagnosticCollector<JavaFileObject> diags) {
        List<String> out = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": ";
            out.add(file + "error: " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
            if (out.size() == 3) break;
        }
        return String.join("; ", out);
    }

    /** The compiled class must be public, top-level in no package, with a public no-argument constructor, and implement the interface. */
    private static Optional<String> shape(JavacTask task, StudentClass cls) {
        String iface = cls.kind() == Kind.FILTER ? "nova.scheduler.HostFilter" : "nova.scheduler.HostWeigher";
        TypeElement t = task.getElements().getTypeElement(cls.className());
        if (t == null || t.getKind() != ElementKind.CLASS) {
            return Optional.of(cls.className() + ".java must declare `public class " + cls.className() + "` with no package line");
        }
        if (!t.getModifiers().contains(Modifier.PUBLIC) || t.getModifiers().contains(Modifier.ABSTRACT)) {
            return Optional.of(cls.className() + " must be a public, non-abstract class");
        }
        TypeElement want = task.getElements().getTypeElement(iface);
        if (want == null || !task.getTypes().isAssignable(t.asType(), want.asType())) {
            return Optional.of(cls.className() + " does not implement " + iface);
        }
        List<ExecutableElement> ctors = ElementFilter.constructorsIn(t.getEnclosedElements());
        boolean noArg = ctors.stream().anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
        if (!noArg) return Optional.of(cls.className() + " needs a public constructor without arguments");
        return Optional.empty();
    }

    // ----- running -----

    private static String clean(String s) { return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '); }

    private static String request(StudentClass cls, List<HostCase> cases) {
        StringBuilder sb = new StringBuilder("kind " + cls.kind() + "\nclass " + cls.className() + "\n");
        for (HostCase c : cases) {
            RequestView r = c.request();
            String extra = new java.util.TreeMap<>(r.extraSpecs()).entrySet().stream()
                    .map(e -> clean(e.getKey()) + "=" + clean(e.getValue())).collect(Collectors.joining("\u001f"));
            sb.append("case\n").append(String.join("\t", "request", clean(r.flavorName()), "" + r.vcpus(), "" + r.ramMb(),
                    "" + r.diskGb(), clean(r.imageName()), extra)).append('\n');
            for (HostView h : c.hosts()) {
                String traits = h.traits().stream().sorted().map(ChildJvmScheduling::clean).collect(Collectors.joining(","));
                sb.append(String.join("\t", "host", clean(h.host()), clean(h.nodename()), clean(h.cell()), "" + h.totalRamMb(),
                        "" + h.freeRamMb(), "" + h.vcpus(), "" + h.vcpusUsed(), "" + h.totalDiskGb(), "" + h.freeDiskMb(),
                        "" + h.numInstances(), "" + h.gpus(), traits)).append('\n');
            }
            sb.append("end\n");
        }
        return sb.toString();
    }

    private List<CaseAnswer> runChild(StudentClass cls, List<HostCase> cases, String request) {
        String k = key(cls.kind() + "\n" + cls.className() + "\n" + cls.source());
        Path work = null;
        boolean acquired = false;
        try {
            slots.acquire();
            acquired = true;
            work = Files.createTempDirectory(root(), "run-");
            Path in = work.resolve("cases.txt");
            Path out = work.resolve("answers.txt");
            Files.writeString(in, request, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx64m", "-Xss512k", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1",
                    "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-Djava.awt.headless=true"));
            if (Runtime.version().feature() < 24) {
                cmd.add("-Djava.security.manager");
                cmd.add("-Djava.security.policy==" + root().resolve("sandbox.policy"));
            }
            cmd.addAll(List.of("-cp", root().resolve("sdk").toString(),
                    "novalab_sandbox.Runner", in.toString(), out.toString(), root().resolve("classes").resolve(k).toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                    .redirectOutput(work.resolve("stdout").toFile()).redirectError(work.resolve("stderr").toFile());
            pb.environment().clear();
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(2, TimeUnit.SECONDS);
                return all(cases, cls.className() + " ran out of time (the sandbox stops after " + timeoutMs / 1000
                        + " s): is there a loop that never ends?");
            }
            if (!Files.isRegularFile(out)) {
                String err = Files.readString(work.resolve("stderr"), StandardCharsets.UTF_8);
                if (err.contains("OutOfMemoryError")) return all(cases, cls.className() + " ran out of memory (the sandbox allows 64 MB)");
                return all(cases, cls.className() + " stopped the sandbox JVM (exit status " + p.exitValue() + ")");
            }
            return parse(Files.readAllLines(out, StandardCharsets.UTF_8), cases);
        } catch (IOException e) {
            return all(cases, "the sandbox could not start a JVM: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return all(cases, "the sandbox could not start: interrupted");
        } finally {
            if (acquired) slots.release();
            if (work != null) deleteTree(work);
        }
    }

    private static List<CaseAnswer> all(List<HostCase> cases, String why) {
        return cases.stream().map(c -> CaseAnswer.failed(why)).toList();
    }

    private static List<CaseAnswer> parse(List<String> lines, List<HostCase> cases) {
        List<CaseAnswer> out = new ArrayList<>();
        List<HostAnswer> current = new ArrayList<>();
        for (String l : lines) {
            String[] f = l.split("\t", -1);
            switch (f[0]) {
                case "case" -> current = new ArrayList<>();
                case "ok" -> current.add(new HostAnswer(f[1], Boolean.parseBoolean(f[2]), Double.parseDouble(f[3]), Optional.empty()));
                case "raised" -> current.add(new HostAnswer(f[1], false, 0, Optional.of(f[2])));
                case "end" -> out.add(new CaseAnswer(Optional.empty(), current));
                default -> { }
            }
        }
        while (out.size() < cases.size()) out.add(CaseAnswer.failed("the sandbox gave no answer"));
        return out;
    }

    // ----- the work folder -----

    private Path root() {
        Path r = root;
        if (r != null) return r;
        synchronized (this) {
            if (root == null) root = prepare();
            return root;
        }
    }

    /** A private folder with the SDK and runner compiled once, and the policy that trusts only them. */
    private static Path prepare() {
        try {
            Path r = Files.createTempDirectory("novalab-scheduler-sandbox-");
            Path src = r.resolve("sdk-src");
            Path sdk = r.resolve("sdk");
            Files.createDirectories(sdk);
            List<Path> files = new ArrayList<>();
            for (String name : SDK_FILES) {
                Path f = src.resolve(name);
                Files.createDirectories(f.getParent());
                try (InputStream in = ChildJvmScheduling.class.getResourceAsStream(SDK + name)) {
                    if (in == null) throw new IllegalStateException("missing resource " + SDK + name);
                    Files.write(f, in.readAllBytes());
                }
                files.add(f);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac != null) {
                try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
                    boolean ok = javac.getTask(null, fm, null, List.of("-d", sdk.toString(), "--release", "17"), null,
                            fm.getJavaFileObjectsFromPaths(files)).call();
                    if (!ok) throw new IllegalStateException("the sandbox SDK does not compile");
                }
            }
            String codeBase = sdk.toUri().toString();
            Files.writeString(r.resolve("sandbox.policy"),
                    "grant codeBase \"" + codeBase + "-\" {\n  permission java.security.AllPermission;\n};\n", StandardCharsets.UTF_8);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("the scheduler sandbox could not prepare its folder", e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String key(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
