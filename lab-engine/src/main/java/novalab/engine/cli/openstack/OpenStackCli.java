package novalab.engine.cli.openstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import novalab.engine.Cloud;
import novalab.engine.cli.CommandError;
import novalab.engine.cli.ParseResult;
import novalab.engine.common.CloudError;
import novalab.engine.identity.Keystone;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Completer;
import novalab.engine.shell.CompletionRequest;
import novalab.engine.shell.Program;

/**
 * The {@code openstack} command: python-openstackclient 6.0's command table, global options and
 * keystoneauth's credentials from the {@code OS_*} environment; each command is one class. API faults
 * print as OSC prints them ({@code <message> (HTTP <code>) (Request-ID: req-...)}, exit 1).
 */
public final class OpenStackCli implements Program, Completer {
    private final Cloud cloud;
    private final Map<String, OscCommand> commands = new TreeMap<>();

    public OpenStackCli(Cloud cloud) {
        this.cloud = cloud;
        for (OscCommand c : Commands.all()) commands.put(c.name(), c);
    }

    /** Tab completion: command words, option names, and names in the cloud (see {@link OscCompleter}). */
    @Override
    public List<String> complete(CompletionRequest request) {
        return new OscCompleter(cloud, commands).complete(request);
    }

    /** Command names, for help and completion. */
    public List<String> commandNames() { return List.copyOf(commands.keySet()); }

    @Override
    public int run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.args());
        Map<String, String> env = new java.util.HashMap<>(inv.env());
        // global options before the command words
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String a = args.remove(0);
            String value = null;
            int eq = a.indexOf('=');
            if (eq > 0) { value = a.substring(eq + 1); a = a.substring(0, eq); }
            switch (a) {
                case "--version" -> { inv.outln("openstack 6.0.0"); return 0; }
                case "-h", "--help" -> { printHelp(inv); return 0; }
                case "-v", "--verbose", "-q", "--quiet", "--debug", "--insecure" -> { }
                case "--os-auth-url", "--os-username", "--os-password", "--os-project-name", "--os-user-domain-name",
                     "--os-project-domain-name", "--os-region-name", "--os-cloud", "--os-compute-api-version",
                     "--os-interface", "--os-identity-api-version", "--os-image-api-version", "--os-network-api-version" -> {
                    if (value == null) {
                        if (args.isEmpty()) {
                            inv.errln(usage());
                            inv.errln("openstack: error: argument " + a + ": expected one argument");
                            return 2;
                        }
                        value = args.remove(0);
                    }
                    env.put(a.substring(2).toUpperCase().replace('-', '_'), value);
                }
                default -> {
                    inv.errln(usage());
                    inv.errln("openstack: error: unrecognized arguments: " + a);
                    return 2;
                }
            }
        }
        if (args.isEmpty()) {
            inv.errln("openstack: the interactive (openstack) prompt is not available in this lab; type a full command, e.g. openstack server list");
            return 2;
        }
        if (args.get(0).equals("help")) {
            args.remove(0);
            if (args.isEmpty()) { printHelp(inv); return 0; }
            Optional<Match> m = match(args);
            if (m.isEmpty()) return unknown(inv, args);
            inv.out(m.get().command().parser().formatHelp());
            return 0;
        }
        Optional<Match> m = match(args);
        if (m.isEmpty()) return unknown(inv, args);
        OscCommand cmd = m.get().command();
        List<String> rest = args.subList(m.get().words(), args.size());
        ParseResult parsed = cmd.parser().parse(rest);
        if (parsed.exited()) {
            inv.out(parsed.out());
            inv.err(parsed.err());
            return parsed.status();
        }
        try {
            String token = authenticate(env);
            OscContext ctx = new OscContext(cloud, inv.withArgs(rest), token);
            ctx.format(parsed.formatOptions());
            ctx.globals(env);
            return cmd.execute(ctx, parsed);
        } catch (OscError e) {
            inv.errln(e.getMessage());
            return 1;
        } catch (CommandError e) {
            inv.errln(e.getMessage());
            return e.exitStatus();
        } catch (AuthError e) {
            inv.errln(e.getMessage());
            return 1;
        } catch (CloudError e) {
            inv.errln(render(e, cmd));
            return 1;
        }
    }

    /**
     * API faults as OSC 6.0 prints them: commands driven through novaclient (servers, hypervisors,
     * zones) print {@code <message> (HTTP <code>) (Request-ID: req-...)}; those driven through
     * openstacksdk (flavors, keypairs, services, console, neutron) print
     * {@code <Exception>: <code>: Client Error for url: <url>, <message>}.
     */
    private String render(CloudError e, OscCommand cmd) {
        if (e.status() == 0) {
            return "Unable to establish connection to http://controller:8774/v2.1/: HTTPConnectionPool(host='controller', port=8774): "
                    + "Max retries exceeded with url: /v2.1/ (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at "
                    + "0x7f3a5c2e1d50>: Failed to establish a new connection: [Errno 111] Connection refused'))";
        }
        Optional<String> sdkUrl = sdkUrl(cmd.name());
        if (sdkUrl.isEmpty()) {
            return e.getMessage() + " (HTTP " + e.status() + ") (Request-ID: " + cloud.ids().requestId() + ")";
        }
        String exception = switch (e.status()) {
            case 400 -> "BadRequestException";
            case 403 -> "ForbiddenException";
            case 404 -> "NotFoundException";
            case 409 -> "ConflictException";
            default -> "HttpException";
        };
        String text = exception + ": " + e.status() + ": Client Error for url: " + sdkUrl.get() + ", " + e.getMessage();
        return cmd.name().startsWith("security") || cmd.name().startsWith("floating") || cmd.name().startsWith("network")
                || cmd.name().startsWith("port") || cmd.name().startsWith("subnet") || cmd.name().startsWith("router")
                ? "Error while executing command: " + text : text;
    }

    private static Optional<String> sdkUrl(String command) {
        String nova = "http://controller:8774/v2.1/";
        String neutron = "http://controller:9696/v2.0/";
        if (command.startsWith("flavor")) return Optional.of(nova + "flavors");
        if (command.startsWith("keypair")) return Optional.of(nova + "os-keypairs");
        if (command.startsWith("compute service")) return Optional.of(nova + "os-services");
        if (command.startsWith("aggregate")) return Optional.of(nova + "os-aggregates");
        if (command.startsWith("console")) return Optional.of(nova + "servers/action");
        if (command.startsWith("security group rule")) return Optional.of(neutron + "security-group-rules");
        if (command.startsWith("security group")) return Optional.of(neutron + "security-groups");
        if (command.startsWith("floating ip") || command.startsWith("server add floating") || command.startsWith("server remove floating")) {
            return Optional.of(neutron + "floatingips");
        }
        if (command.startsWith("network")) return Optional.of(neutron + "networks");
        if (command.startsWith("port")) return Optional.of(neutron + "ports");
        if (command.startsWith("subnet")) return Optional.of(neutron + "subnets");
        if (command.startsWith("router")) return Optional.of(neutron + "routers");
        return Optional.empty();
    }

    private static final class AuthError extends RuntimeException {
        AuthError(String m) { super(m, null, false, false); }
    }

    /** keystoneauth's password plugin from OS_* settings. */
    private String authenticate(Map<String, String> env) {
        if (env.containsKey("OS_CLOUD") && !env.get("OS_CLOUD").isEmpty()) {
            throw new AuthError("Cloud " + env.get("OS_CLOUD") + " was not found.");
        }
        String url = env.getOrDefault("OS_AUTH_URL", "");
        if (url.isEmpty()) throw new AuthError("Missing value auth-url required for auth plugin password");
        String hostPort = url.replaceFirst("^https?://", "").split("/")[0];
        if (!url.startsWith("http://") || !(hostPort.equals("controller:5000") || hostPort.equals(cloud.controller().ip() + ":5000"))) {
            String host = hostPort.split(":")[0];
            throw new AuthError("Failed to discover available identity versions when contacting " + url
                    + ". Attempting to parse version from URL.\nUnable to establish connection to " + url.replaceAll("/+$", "")
                    + "/auth/tokens: HTTPConnectionPool(host='" + host + "', port=5000): Max retries exceeded with url: "
                    + "/v3/auth/tokens (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3a5c2e1d50>: "
                    + "Failed to establish a new connection: [Errno -2] Name or service not known'))");
        }
        if (env.getOrDefault("OS_USERNAME", "").isEmpty()) throw new AuthError("Missing value username required for auth plugin password");
        if (env.getOrDefault("OS_PASSWORD", "").isEmpty()) throw new AuthError("Missing value password required for auth plugin password");
        try {
            Keystone.Token t = cloud.keystone().authenticate(env.get("OS_USERNAME"), env.getOrDefault("OS_USER_DOMAIN_NAME", "Default"),
                    env.get("OS_PASSWORD"), env.getOrDefault("OS_PROJECT_NAME", ""), env.getOrDefault("OS_PROJECT_DOMAIN_NAME", "Default"));
            return t.id();
        } catch (CloudError e) {
            throw new AuthError("The request you have made requires authentication. (HTTP 401) (Request-ID: " + cloud.ids().requestId() + ")");
        }
    }

    private record Match(OscCommand command, int words) {}

    private Optional<Match> match(List<String> args) {
        for (int n = Math.min(4, args.size()); n >= 1; n--) {
            String name = String.join(" ", args.subList(0, n));
            OscCommand c = commands.get(name);
            if (c != null) return Optional.of(new Match(c, n));
        }
        return Optional.empty();
    }

    private int unknown(Invocation inv, List<String> args) {
        List<String> words = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) break;
            words.add(a);
        }
        String typed = String.join(" ", words.isEmpty() ? args : words);
        inv.errln("openstack: '" + typed + "' is not an openstack command. See 'openstack --help'.");
        List<String> close = suggestions(typed);
        if (!close.isEmpty()) {
            inv.errln("Did you mean one of these?");
            close.forEach(c -> inv.errln("  " + c));
        }
        return 2;
    }

    private List<String> suggestions(String typed) {
        String trimmed = typed.strip();
        String first = trimmed.isEmpty() ? "" : trimmed.split("\\s+")[0];
        List<String> out = new ArrayList<>();
        for (String c : commands.keySet()) {
            String cfirst = c.split(" ")[0];
            if (!first.isEmpty() && (c.startsWith(trimmed) || distance(first, cfirst) <= 2)) out.add(c);
            if (out.size() >= 12) break;
        }
        return out;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    private static String usage() {
        return "usage: openstack [--version] [-v | -q] [--log-file LOG_FILE] [-h] [--debug]\n"
                + "                 [--os-cloud <cloud-config-name>]\n"
                + "                 [--os-region-name <auth-region-name>]\n"
                + "                 [--os-cacert <ca-bundle-file>] [--os-cert <certificate-file>]\n"
                + "                 [--os-key <key-file>] [--verify | --insecure]\n"
                + "                 [--os-default-domain <auth-domain>]\n"
                + "                 [--os-interface <interface>] [--os-service-provider <service_provider>]\n"
                + "                 [--os-remote-project-name <remote_project_name> | --os-remote-project-id <remote_project_id>]\n"
                + "                 [--os-remote-project-domain-name <remote_project_domain_name> | --os-remote-project-domain-id <remote_project_domain_id>]\n"
                + "                 [--timing] [--os-beta-command] [--os-profile hmac-key]\n"
                + "                 [--os-compute-api-version <compute-api-version>]\n"
                + "                 [--os-network-api-version <network-api-version>]\n"
                + "                 [--os-image-api-version <image-api-version>]\n"
                + "                 [--os-identity-api-version <identity-api-version>]\n"
                + "                 [--os-auth-type <auth-type>] [--os-auth-url <auth-auth-url>]\n"
                + "                 [--os-project-name <auth-project-name>] [--os-username <auth-username>]\n"
                + "                 [--os-password <auth-password>]";
    }

    private void printHelp(Invocation inv) {
        inv.outln(usage());
        inv.outln("");
        inv.outln("Command-line interface to the OpenStack APIs");
        inv.outln("");
        inv.outln("Commands:");
        commands.forEach((n, c) -> inv.outln(String.format("  %-40s %s", n, c.description())));
    }
}
