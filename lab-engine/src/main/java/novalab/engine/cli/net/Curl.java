package novalab.engine.cli.net;

import java.util.List;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.nodes.GuestNode;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;

/**
 * curl 7.88 on the workstation, for {@code http://IP[:port][/path]}: the same reachability as ssh
 * (dropped by security groups → timeout, nothing listening → refused), then the guest's web page.
 */
public final class Curl implements Program {
    static final long CONNECT_TIMEOUT_MS = 130_000;
    private final Cloud cloud;

    public Curl(Cloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public int run(Invocation inv) {
        boolean silent = false, showErrors = false, head = false, include = false, failOnError = false;
        long timeout = CONNECT_TIMEOUT_MS;
        Optional<String> output = Optional.empty();
        Optional<String> url = Optional.empty();
        List<String> a = inv.args();
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            switch (x) {
                case "-s", "--silent" -> silent = true;
                case "-S", "--show-error" -> showErrors = true;
                case "-sS", "-Ss" -> { silent = true; showErrors = true; }
                case "-I", "--head" -> head = true;
                case "-i", "--include" -> include = true;
                case "-f", "--fail" -> failOnError = true;
                case "-v", "--verbose", "-L", "--location", "-k", "--insecure" -> { }
                case "-m", "--max-time", "--connect-timeout" -> {
                    if (i + 1 >= a.size()) return usage(inv, "option " + x + ": requires parameter");
                    try {
                        timeout = Math.min(timeout, (long) (Double.parseDouble(a.get(++i)) * 1000));
                    } catch (NumberFormatException e) {
                        return usage(inv, "option " + x + ": expected a proper numerical parameter");
                    }
                }
                case "-o", "--output" -> {
                    if (i + 1 >= a.size()) return usage(inv, "option " + x + ": requires parameter");
                    output = Optional.of(a.get(++i));
                }
                default -> {
                    if (x.startsWith("-")) return usage(inv, "option " + x + ": is unknown");
                    url = Optional.of(x);
                }
            }
        }
        if (url.isEmpty()) return usage(inv, "no URL specified");
        String u = url.get();
        String rest = u.replaceFirst("^http://", "");
        if (u.startsWith("https://")) {
            if (!silent || showErrors) inv.errln("curl: (7) Failed to connect to " + u.substring(8).split("[/:]")[0] + " port 443 after 1 ms: Couldn't connect to server");
            return 7;
        }
        String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        int colon = hostPort.indexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = 80;
        if (host.isEmpty() || u.contains("://") && !u.startsWith("http://")) {
            if (!silent || showErrors) inv.errln("curl: (3) URL using bad/illegal format or missing URL");
            return 3;
        }
        if (colon >= 0) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
                if (port < 1 || port > 65535) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                if (!silent || showErrors) inv.errln("curl: (3) URL using bad/illegal format or missing URL");
                return 3;
            }
        }
        if (novalab.engine.network.Ipv4.parse(host).isEmpty()) {
            if (!silent || showErrors) inv.errln("curl: (6) Could not resolve host: " + host);
            return 6;
        }
        Reach.Outcome out = Reach.tcp(cloud, host, port);
        if (out == Reach.Outcome.TIMEOUT) {
            inv.control().sleep(timeout);
            if (!silent || showErrors) {
                inv.errln("curl: (28) Failed to connect to " + host + " port " + port + " after " + timeout + " ms: Timeout was reached");
            }
            return 28;
        }
        if (out == Reach.Outcome.REFUSED || port == 22) {
            if (port == 22) {
                if (!silent || showErrors) inv.errln("curl: (1) Received HTTP/0.9 when not allowed");
                return 1;
            }
            if (!silent || showErrors) inv.errln("curl: (7) Failed to connect to " + host + " port " + port + " after 1 ms: Couldn't connect to server");
            return 7;
        }
        GuestNode g = cloud.guests().get(Reach.target(cloud, host).orElseThrow().instance().uuid);
        String body = g.fs().file("/var/www/html/index.nginx-debian.html").map(f -> f.content()).orElse(GuestPrograms.NGINX_PAGE);
        String headers = "HTTP/1.1 200 OK\r\nServer: nginx/1.18.0 (Ubuntu)\r\nDate: "
                + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(cloud.clock().instant().atZone(java.time.ZoneOffset.UTC))
                + "\r\nContent-Type: text/html\r\nContent-Length: " + body.length() + "\r\nConnection: keep-alive\r\nAccept-Ranges: bytes\r\n\r\n";
        String text = head ? headers : include ? headers + body : body;
        if (output.isPresent()) {
            inv.fs().write(inv.path(output.get()), text, 0644, inv.node().user());
        } else {
            inv.out(text);
        }
        return 0;
    }

    private static int usage(Invocation inv, String msg) {
        inv.errln("curl: " + msg);
        inv.errln("curl: try 'curl --help' or 'curl --manual' for more information");
        return 2;
    }
}
