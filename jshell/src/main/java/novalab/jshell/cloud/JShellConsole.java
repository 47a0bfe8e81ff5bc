package novalab.jshell.cloud;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import novalab.engine.shell.ExecResult;
import novalab.engine.Sandbox;
import novalab.jshell.JShellPool;
import novalab.jshell.PoolConfig;
import novalab.jshell.SnippetResult;

/**
 * {@code ./lab jshell [--seed N] [--driver libvirt|fake]}: a JShell console on a new local sandbox, with {@code cloud}
 * bound to it through the SDK; snippets run in a sandbox JVM exactly as in the web playground. Besides Java it takes
 * {@code /sh LINE} (a command on the sandbox's workstation, e.g. {@code /sh openstack server list}), {@code /history}
 * (the API requests the SDK made, as the {@code __api} lines a history stores), {@code /reset} and {@code /exit}.
 */
public final class JShellConsole {

    private JShellConsole() {}

    public static void main(String[] args) throws IOException {
        java.util.Optional<novalab.engine.ConsoleOptions> opts = novalab.engine.ConsoleOptions.parse("jshell", args);
        if (opts.isEmpty()) return;
        long s = opts.get().seed();
        String d = opts.get().driver();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        boolean interactive = System.console() != null;
        List<String> history = new ArrayList<>();
        try (Sandbox box = Sandbox.create(c -> { c.seed = s; c.driver = d; });
             JShellPool pool = JShellPool.start(new PoolConfig(1, 0, 96, 5_000, 4_000, 600, Long.MAX_VALUE / 4, 60_000, 64_000, true, true, true))) {
            WireTransport transport = WireTransport.local(box, (at, call, r) -> history.add(call.historyLine()));
            System.err.println("Nova Lab JShell on a new sandbox of the " + box.cloud().scenarioName() + " scenario (seed " + s
                    + "). `cloud` is your cloud: try cloud.flavors() or cloud.servers().list(). /help for more, /exit to leave.");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            StringBuilder pending = new StringBuilder();
            while (true) {
                if (interactive) out.print(pending.length() == 0 ? "jshell> " : "   ...> ");
                String line = in.readLine();
                if (line == null) break;
                if (pending.length() == 0) {
                    String cmd = line.strip();
                    if (cmd.equals("/exit")) break;
                    if (cmd.equals("/help")) {
                        out.println("|  Java snippets run in a sandbox JVM; `cloud` talks to this sandbox (flavors(), images(), networks(),"
                                + " hypervisors(), servers(), keypairs(), securityGroups(), scheduler().lastDecision()).");
                        out.println("|  /sh LINE   run a command on the workstation (e.g. /sh openstack server list)");
                        out.println("|  /history   the API requests your snippets made");
                        out.println("|  /reset     a fresh JShell session (the cloud stays)");
                        out.println("|  /exit      leave");
                        continue;
                    }
                    if (cmd.equals("/history")) {
                        history.forEach(h -> out.println(h.replaceAll("x-auth-token=\\S+", "x-auth-token=…")));
                        continue;
                    }
                    if (cmd.equals("/reset")) {
                        pool.reset("console");
                        out.println("|  Resetting state.");
                        continue;
                    }
                    if (cmd.startsWith("/sh ")) {
                        ExecResult r;
                        synchronized (box) {
                            r = box.run(cmd.substring(4));
                        }
                        out.print(r.output());
                        continue;
                    }
                    if (cmd.startsWith("/")) {
                        out.println("|  Unknown command: " + cmd + " (try /help)");
                        continue;
                    }
                }
                pending.append(line).append('\n');
                if (!balanced(pending)) continue;
                String source = pending.toString();
                pending.setLength(0);
                if (source.isBlank()) continue;
                SnippetResult r = pool.eval("console", source, transport);
                out.print(r.text());
            }
            if (pending.length() > 0) out.print(pool.eval("console", pending.toString(), transport).text());
        }
    }

    /** Whether brackets outside string and char literals and comments are closed (then the input is sent). */
    static boolean balanced(CharSequence src) {
        int depth = 0;
        boolean str = false;
        boolean chr = false;
        boolean block = false;
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            char next = i + 1 < src.length() ? src.charAt(i + 1) : '\0';
            if (block) {
                if (c == '*' && next == '/') { block = false; i++; }
            } else if (str || chr) {
                if (c == '\\') i++;
                else if ((str && c == '"') || (chr && c == '\'')) { str = false; chr = false; }
            } else if (c == '/' && next == '/') {
                while (i < src.length() && src.charAt(i) != '\n') i++;
            } else if (c == '/' && next == '*') {
                block = true;
                i++;
            } else if (c == '"') {
                if (next == '"' && i + 2 < src.length() && src.charAt(i + 2) == '"') { depth++; i += 2; continue; }
                str = true;
            } else if (c == '\'') {
                chr = true;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
        }
        return depth <= 0 && !block;
    }
}
