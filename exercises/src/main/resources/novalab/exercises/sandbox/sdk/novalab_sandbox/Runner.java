package novalab_sandbox;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nova.scheduler.HostFilter;
import nova.scheduler.HostState;
import nova.scheduler.HostWeigher;
import nova.scheduler.RequestSpec;

/**
 * The trusted side of a sandbox run (its code base alone has permissions): reads the cases, makes one
 * instance of the student class, asks it about every host, writes the answers, and halts the JVM.
 */
public final class Runner {
    private Runner() {}

    public static void main(String[] args) throws Exception {
        List<String> in = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Path outPath = Path.of(args[1]);
        String kind = in.get(0).substring(5);
        String className = in.get(1).substring(6);
        PrintStream realOut = System.out;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(quiet);
        System.setErr(quiet);
        StringBuilder out = new StringBuilder();
        Object instance = null;
        String instanceError = null;
        try {
            // A loader of its own: code from the application class path would be granted exitVM by default.
            ClassLoader student = new java.net.URLClassLoader(new java.net.URL[] {Path.of(args[2]).toUri().toURL()},
                    Runner.class.getClassLoader());
            Class<?> c = Class.forName(className, true, student);
            instance = c.getConstructor().newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            instanceError = describe(e.getCause(), className);
        } catch (Throwable e) {
            instanceError = describe(e instanceof ExceptionInInitializerError x && x.getCause() != null ? x.getCause() : e, className);
        }
        RequestSpec spec = null;
        for (int i = 2; i < in.size(); i++) {
            String line = in.get(i);
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "case" -> out.append("case\n");
                case "request" -> {
                    Map<String, String> extra = new HashMap<>();
                    if (!f[6].isEmpty()) for (String kv : f[6].split("\u001f")) {
                        int eq = kv.indexOf('=');
                        extra.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    spec = new RequestSpec(f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra)), f[5]);
                }
                case "host" -> {
                    Set<String> traits = new HashSet<>();
                    if (!f[12].isEmpty()) traits.addAll(List.of(f[12].split(",")));
                    HostState h = new HostState(f[1], f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                            Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]),
                            Integer.parseInt(f[11]), java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(traits)));
                    out.append(answer(kind, className, instance, instanceError, h, spec)).append('\n');
                }
                case "end" -> out.append("end\n");
                default -> { }
            }
        }
        Files.writeString(outPath, out.toString(), StandardCharsets.UTF_8);
        realOut.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String answer(String kind, String className, Object instance, String instanceError, HostState h, RequestSpec spec) {
        if (instanceError != null) return "raised\t" + h.host() + "\t" + instanceError;
        try {
            if (kind.equals("FILTER")) {
                if (!(instance instanceof HostFilter f)) return "raised\t" + h.host() + "\t" + className + " is not a nova.scheduler.HostFilter";
                return "ok\t" + h.host() + "\t" + f.hostPasses(h, spec) + "\t0";
            }
            if (!(instance instanceof HostWeigher w)) return "raised\t" + h.host() + "\t" + className + " is not a nova.scheduler.HostWeigher";
            double d = w.weigh(h, spec);
            if (Double.isNaN(d) || Double.isInfinite(d)) return "raised\t" + h.host() + "\t" + className + ".weigh returned " + d;
            return "ok\t" + h.host() + "\tfalse\t" + d;
        } catch (Throwable e) {
            return "raised\t" + h.host() + "\t" + describe(e, className);
        }
    }

    /** {@code java.lang.ArithmeticException: / by zero (GpuRamFilter.java:6)}: the throwable and the student's line. */
    private static String describe(Throwable e, String className) {
        String where = "";
        for (StackTraceElement s : e.getStackTrace()) {
            if (s.getClassName().equals(className) || s.getClassName().startsWith(className + "$")) {
                where = " (" + s.getFileName() + ":" + s.getLineNumber() + ")";
                break;
            }
        }
        String text = e instanceof SecurityException ? "java.lang.SecurityException: the sandbox does not allow this: " + e.getMessage() : e.toString();
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ') + where;
    }
}
