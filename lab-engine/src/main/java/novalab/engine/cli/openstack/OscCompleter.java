package novalab.engine.cli.openstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import novalab.engine.Cloud;
import novalab.engine.api.ComputeApi;
import novalab.engine.cli.ArgParser;
import novalab.engine.common.CloudError;
import novalab.engine.identity.RequestContext;
import novalab.engine.shell.CompletionRequest;

/**
 * Tab completion for {@code openstack}: command words from the command table, option names and choices
 * from the command's parser, and names of things in the cloud for positionals and option values, looked up
 * through nova-api, Neutron and Glance with the session's {@code OS_*} credentials. Read-only: the look-ups
 * use a transient token and are not logged as requests; without working credentials no names are offered.
 */
final class OscCompleter {
    private static final Set<String> VALUED_GLOBALS = Set.of("--os-auth-url", "--os-username", "--os-password",
            "--os-project-name", "--os-user-domain-name", "--os-project-domain-name", "--os-region-name", "--os-cloud",
            "--os-compute-api-version", "--os-interface", "--os-identity-api-version", "--os-image-api-version",
            "--os-network-api-version");
    private static final List<String> GLOBALS = List.of("--version", "-h", "--help", "-v", "--verbose", "-q", "--quiet", "--debug",
            "--insecure", "--os-auth-url", "--os-username", "--os-password", "--os-project-name", "--os-user-domain-name",
            "--os-project-domain-name", "--os-region-name", "--os-cloud", "--os-compute-api-version", "--os-interface",
            "--os-identity-api-version", "--os-image-api-version", "--os-network-api-version");

    private final Cloud cloud;
    private final Map<String, OscCommand> commands;

    OscCompleter(Cloud cloud, Map<String, OscCommand> commands) {
        this.cloud = cloud;
        this.commands = commands;
    }

    List<String> complete(CompletionRequest r) {
        List<String> args = new ArrayList<>(r.args());
        Map<String, String> env = new HashMap<>(r.env());
        String partial = r.partial();
        // global options before the command words
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String a = args.remove(0);
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if (!VALUED_GLOBALS.contains(name)) continue;
            if (eq > 0) {
                if (eq == a.length() - 1 && args.isEmpty()) return List.of(); // completing the value of --os-x=
                env.put(envName(name), a.substring(eq + 1));
            } else if (args.isEmpty()) {
                return List.of(); // completing the value of a global option
            } else {
                env.put(envName(name), args.remove(0));
            }
        }
        if (args.isEmpty() && partial.startsWith("-")) return r.matching(GLOBALS);
        if (!args.isEmpty() && args.get(0).equals("help")) {
            args.remove(0);
            return r.matching(nextWords(args));
        }
        int n = matched(args);
        if (n == 0) return r.matching(args.isEmpty() ? withHelp(nextWords(args)) : nextWords(args));
        OscCommand cmd = commands.get(String.join(" ", args.subList(0, n)));
        List<String> rest = args.subList(n, args.size());
        ArgParser p = cmd.parser();
        String last = rest.isEmpty() ? "" : rest.get(rest.size() - 1);
        if (last.startsWith("-") && last.endsWith("=")) {
            return r.matching(optionValues(cmd, p, last.substring(0, last.length() - 1), env));
        }
        if (last.equals("net-id=") && rest.size() >= 2 && rest.get(rest.size() - 2).equals("--nic")) {
            return r.matching(names(env, l -> l.networks()));
        }
        if (partial.startsWith("-")) return r.matching(p.optionNames());
        if (last.startsWith("-") && p.takesValue(last)) {
            if (last.equals("--nic")) return r.matching(List.of("net-id=", "port-id=", "auto", "none"));
            return r.matching(optionValues(cmd, p, last, env));
        }
        int index = 0;
        for (int i = 0; i < rest.size(); i++) {
            String w = rest.get(i);
            if (w.startsWith("-") && w.length() > 1) {
                if (!w.contains("=") && p.takesValue(w)) i++;
            } else {
                index++;
            }
        }
        Optional<String> metavar = p.positionalAt(index);
        if (metavar.isEmpty()) return List.of();
        return r.matching(positionalValues(cmd, metavar.get(), env));
    }

    private static String envName(String option) {
        return option.substring(2).toUpperCase().replace('-', '_');
    }

    /** How many leading words name a command (the longest match), 0 if none. */
    private int matched(List<String> words) {
        for (int n = Math.min(4, words.size()); n >= 1; n--) {
            if (commands.containsKey(String.join(" ", words.subList(0, n)))) return n;
        }
        return 0;
    }

    /** The words that may follow {@code typed} in some command name ({@code server} → add, create, delete, ...). */
    private Set<String> nextWords(List<String> typed) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : commands.keySet()) {
            List<String> w = List.of(name.split(" "));
            if (w.size() > typed.size() && w.subList(0, typed.size()).equals(typed)) out.add(w.get(typed.size()));
        }
        return out;
    }

    private static Set<String> withHelp(Set<String> words) {
        Set<String> out = new LinkedHashSet<>(words);
        out.add("help");
        return out;
    }

    private Collection<String> optionValues(OscCommand cmd, ArgParser p, String option, Map<String, String> env) {
        List<String> choices = p.choicesOf(option);
        if (!choices.isEmpty()) return choices;
        String metavar = p.metavarOf(option).orElse("");
        return switch (metavar) {
            case "<server>" -> names(env, Lookup::servers);
            case "<flavor>" -> names(env, Lookup::flavors);
            case "<image>" -> names(env, Lookup::images);
            case "<network>" -> names(env, Lookup::networks);
            case "<key-name>" -> names(env, Lookup::keypairs);
            case "<security-group>", "<group>" -> names(env, Lookup::securityGroups);
            case "<host>", "<hostname>" -> names(env, Lookup::hosts);
            case "<availability-zone>", "<zone-name>" -> names(env, Lookup::zones);
            default -> option.equals("--floating-ip-address") ? names(env, Lookup::floatingIps) : List.of();
        };
    }

    private Collection<String> positionalValues(OscCommand cmd, String metavar, Map<String, String> env) {
        String name = cmd.name();
        return switch (metavar) {
            case "<server>" -> names(env, Lookup::servers);
            case "<flavor>" -> names(env, Lookup::flavors);
            case "<image>" -> names(env, Lookup::images);
            case "<network>" -> names(env, Lookup::networks);
            case "<key>" -> name.startsWith("keypair") ? names(env, Lookup::keypairs) : List.of();
            case "<group>" -> name.startsWith("security group") ? names(env, Lookup::securityGroups) : List.of();
            case "<floating-ip>", "<ip-address>" -> names(env, Lookup::floatingIps);
            case "<hypervisor>" -> names(env, Lookup::hypervisors);
            case "<host>" -> names(env, Lookup::hosts);
            case "<aggregate>" -> names(env, Lookup::aggregates);
            case "<service>" -> names(env, Lookup::binaries);
            default -> List.of();
        };
    }

    /** Runs one look-up with the credentials in {@code env}; nothing when they would not authenticate or the call fails. */
    private Collection<String> names(Map<String, String> env, Function<Lookup, Collection<String>> what) {
        if (!env.getOrDefault("OS_CLOUD", "").isEmpty()) return List.of();
        String url = env.getOrDefault("OS_AUTH_URL", "");
        String hostPort = url.replaceFirst("^https?://", "").split("/")[0];
        if (!url.startsWith("http://") || !(hostPort.equals("controller:5000") || hostPort.equals(cloud.controller().ip() + ":5000"))) {
            return List.of();
        }
        try {
            return cloud.keystone().withTransientToken(env.getOrDefault("OS_USERNAME", ""), env.getOrDefault("OS_USER_DOMAIN_NAME", "Default"),
                    env.getOrDefault("OS_PASSWORD", ""), env.getOrDefault("OS_PROJECT_NAME", ""),
                    env.getOrDefault("OS_PROJECT_DOMAIN_NAME", "Default"),
                    token -> cloud.compute().unrecorded(() -> what.apply(new Lookup(cloud, token)))).orElse(List.of());
        } catch (CloudError e) {
            return List.of();
        }
    }

    /** The read-only look-ups, each with names the token's project can see. */
    private record Lookup(Cloud cloud, String token) {
        private ComputeApi compute() { return cloud.compute(); }

        private RequestContext rc() { return cloud.keystone().validate(token); }

        Collection<String> servers() {
            return compute().servers(token, ComputeApi.ServerFilter.none()).stream().map(s -> s.name()).toList();
        }

        Collection<String> flavors() {
            return compute().flavors(token, Optional.empty()).stream().map(f -> f.name()).toList();
        }

        Collection<String> images() {
            RequestContext rc = rc();
            return cloud.glance().list(rc).stream()
                    .filter(i -> !i.visibility().equals("private") && !i.visibility().equals("shared") || i.owner().equals(rc.projectId()))
                    .map(i -> i.name()).toList();
        }

        Collection<String> networks() {
            RequestContext rc = rc();
            return cloud.neutron().networks(rc).stream().filter(n -> n.shared() || n.external() || n.projectId().equals(rc.projectId()))
                    .map(n -> n.name()).toList();
        }

        Collection<String> keypairs() {
            return compute().keyPairs(token).stream().map(k -> k.name()).toList();
        }

        Collection<String> securityGroups() {
            RequestContext rc = rc();
            return cloud.neutron().allSecurityGroups().stream().filter(g -> g.projectId().equals(rc.projectId())).map(g -> g.name()).toList();
        }

        Collection<String> floatingIps() {
            RequestContext rc = rc();
            return cloud.neutron().floatingIps(rc).stream().filter(f -> f.projectId().equals(rc.projectId())).map(f -> f.address()).toList();
        }

        Collection<String> hypervisors() {
            return compute().hypervisors(token).stream().map(h -> h.node().hypervisorHostname()).toList();
        }

        Collection<String> hosts() {
            return compute().hypervisors(token).stream().map(h -> h.node().host()).toList();
        }

        Collection<String> aggregates() {
            return compute().aggregates(token).stream().map(a -> a.name()).toList();
        }

        Collection<String> zones() {
            return compute().availabilityZones(token, false).stream().map(z -> z.name()).toList();
        }

        Collection<String> binaries() {
            return compute().services(token).stream().map(s -> s.service().binary).distinct().toList();
        }
    }
}
