package novalab.engine.cli.az;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import novalab.engine.Cloud;
import novalab.engine.api.ComputeApi;
import novalab.engine.common.CloudError;
import novalab.engine.identity.Keystone;
import novalab.engine.shell.CompletionRequest;

/**
 * Tab completion for {@code az}: command groups and commands from the command table, each command's
 * options (and their choices), VM names after {@code --name}/{@code -n} of a {@code vm} command (within the
 * {@code --resource-group} already typed) and resource group names after {@code --resource-group}/{@code -g},
 * read from the cloud's ARM registry once {@code az login} has run. Read-only.
 */
final class AzCompleter {
    private final Cloud cloud;
    private final AzureRegistry registry;
    private final Map<String, AzCommand> commands;

    AzCompleter(Cloud cloud, AzureRegistry registry, Map<String, AzCommand> commands) {
        this.cloud = cloud;
        this.registry = registry;
        this.commands = commands;
    }

    List<String> complete(CompletionRequest r) {
        List<String> args = r.args();
        List<String> words = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) break;
            words.add(a);
        }
        int used = 0;
        for (int n = words.size(); n >= 1 && used == 0; n--) {
            if (commands.containsKey(String.join(" ", words.subList(0, n)))) used = n;
        }
        if (used == 0) {
            if (words.size() < args.size()) return List.of();
            Set<String> next = new LinkedHashSet<>();
            for (String name : commands.keySet()) {
                List<String> w = List.of(name.split(" "));
                if (w.size() > words.size() && w.subList(0, words.size()).equals(words)) next.add(w.get(words.size()));
            }
            return r.matching(next);
        }
        AzCommand cmd = commands.get(String.join(" ", words.subList(0, used)));
        AzArgs.Spec spec = cmd.spec();
        AzArgs.addGlobals(spec);
        if (r.partial().startsWith("-")) {
            List<String> names = new ArrayList<>();
            spec.opts.forEach(o -> names.addAll(o.names()));
            names.addAll(List.of("--help", "-h"));
            return r.matching(names);
        }
        String last = r.previous();
        Optional<AzArgs.Opt> opt = last.startsWith("-") ? spec.find(last) : Optional.empty();
        if (opt.isEmpty() || opt.get().kind() == AzArgs.Kind.FLAG) return List.of();
        if (!opt.get().choices().isEmpty()) return r.matching(opt.get().choices());
        if (!registry.loggedIn()) return List.of();
        List<String> names = opt.get().names();
        if (names.contains("--resource-group")) {
            List<String> groups = new ArrayList<>(registry.groups().stream().map(g -> g.name()).toList());
            groups.add(AzureRegistry.KEYSTONE_PROJECT);
            return r.matching(groups);
        }
        if (names.contains("--name") && cmd.name().startsWith("vm ")) {
            Optional<String> group = groupTyped(args);
            List<String[]> vms = new ArrayList<>();
            registry.vms().forEach(v -> vms.add(new String[] {v.group(), v.name()}));
            projectServers().forEach(n -> vms.add(new String[] {AzureRegistry.KEYSTONE_PROJECT, n}));
            return r.matching(vms.stream().filter(v -> group.isEmpty() || v[0].equalsIgnoreCase(group.get())).map(v -> v[1]).toList());
        }
        return List.of();
    }

    /** The project's Nova servers, shown by az as VMs of the group named after the project (read through a transient token). */
    private List<String> projectServers() {
        Keystone ks = cloud.keystone();
        Optional<Keystone.User> u = ks.domainByName("Default").flatMap(d -> ks.userByName(AzureRegistry.KEYSTONE_USER, d.id()));
        if (u.isEmpty()) return List.of();
        try {
            return ks.withTransientToken(u.get().name(), "Default", u.get().password(), AzureRegistry.KEYSTONE_PROJECT, "Default",
                    token -> cloud.compute().unrecorded(() -> cloud.compute().servers(token, ComputeApi.ServerFilter.none()).stream()
                            .filter(v -> !v.status().equals("DELETED")).map(v -> v.name()).toList())).orElse(List.of());
        } catch (CloudError e) {
            return List.of();
        }
    }

    private static Optional<String> groupTyped(List<String> args) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--resource-group") || args.get(i).equals("-g")) return Optional.of(args.get(i + 1));
        }
        return Optional.empty();
    }
}
