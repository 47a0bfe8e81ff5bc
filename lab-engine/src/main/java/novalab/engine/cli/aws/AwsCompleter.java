package novalab.engine.cli.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import novalab.engine.Cloud;
import novalab.engine.api.ComputeApi;
import novalab.engine.common.CloudError;
import novalab.engine.identity.RequestContext;
import novalab.engine.shell.CompletionRequest;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Node;
import novalab.engine.shell.ShellControl;

/**
 * Tab completion for {@code aws}: the {@code ec2} service, its operation names and waiters, each operation's
 * options, and ids/names in the cloud after {@code --instance-ids}, {@code --key-name(s)}, {@code --group-id(s)},
 * {@code --group-name(s)}, {@code --image-id(s)}, {@code --instance-type}, looked up with the same credentials
 * {@code aws} would use, through a transient token, without logging requests.
 */
final class AwsCompleter {
    private final Cloud cloud;
    private final Map<String, Ec2Operation> operations;
    private final Map<String, Boolean> globals;

    AwsCompleter(Cloud cloud, Map<String, Ec2Operation> operations, Map<String, Boolean> globals) {
        this.cloud = cloud;
        this.operations = operations;
        this.globals = globals;
    }

    List<String> complete(CompletionRequest r) {
        List<String> rest = new ArrayList<>();
        List<String> args = r.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            Boolean takesValue = globals.get(a);
            if (takesValue == null) rest.add(a);
            else if (takesValue) {
                if (i + 1 == args.size()) {
                    return a.equals("--output") ? r.matching(List.of("json", "text", "table", "yaml", "yaml-stream")) : List.of();
                }
                i++;
            }
        }
        if (rest.isEmpty()) return r.partial().startsWith("-") ? r.matching(globals.keySet()) : r.matching(List.of("ec2", "help"));
        if (!rest.get(0).equals("ec2")) return List.of();
        if (rest.size() == 1) {
            List<String> names = new ArrayList<>(operations.keySet());
            names.add("wait");
            names.add("help");
            return r.matching(names);
        }
        if (rest.get(1).equals("wait")) return rest.size() == 2 ? r.matching(Waiter.WAITERS.keySet()) : List.of();
        Ec2Operation op = operations.get(rest.get(1));
        if (op == null) return List.of();
        Map<String, Ec2Request.Kind> options = op.spec().options;
        if (r.partial().startsWith("-")) {
            List<String> names = new ArrayList<>(options.keySet());
            names.addAll(globals.keySet());
            return r.matching(names);
        }
        String option = "";
        for (int i = rest.size() - 1; i >= 2; i--) {
            if (rest.get(i).startsWith("--")) {
                option = rest.get(i);
                Ec2Request.Kind k = options.get(option);
                if (k == null || k == Ec2Request.Kind.FLAG || k != Ec2Request.Kind.LIST && i != rest.size() - 1) return List.of();
                break;
            }
        }
        return r.matching(switch (option) {
            case "--instance-ids", "--instance-id" -> names(r, l -> l.compute().servers(l.token(), ComputeApi.ServerFilter.none()).stream()
                    .map(s -> Ec2Names.instanceId(s.id())).toList());
            case "--key-name", "--key-names" -> names(r, l -> l.compute().keyPairs(l.token()).stream().map(k -> k.name()).toList());
            case "--group-id", "--group-ids", "--security-group-ids" -> names(r, l -> l.groups().stream().map(g -> Ec2Names.groupId(g.id())).toList());
            case "--group-name", "--group-names", "--security-groups" -> names(r, l -> l.groups().stream().map(g -> g.name()).toList());
            case "--image-id", "--image-ids" -> names(r, l -> cloud.glance().list(l.rc()).stream().map(i -> Ec2Names.imageId(i.id())).toList());
            case "--instance-type", "--instance-types" -> names(r, l -> l.compute().flavors(l.token(), Optional.of(true)).stream()
                    .map(f -> f.name()).toList());
            default -> List.<String>of();
        });
    }

    private record Lookup(Cloud cloud, String token) {
        ComputeApi compute() { return cloud.compute(); }

        RequestContext rc() { return cloud.keystone().validate(token); }

        List<novalab.engine.network.Model.SecurityGroup> groups() {
            RequestContext rc = rc();
            return cloud.neutron().allSecurityGroups().stream().filter(g -> g.projectId().equals(rc.projectId())).toList();
        }
    }

    /** One look-up with the credentials {@code aws} would read (environment, ~/.aws files); nothing without them. */
    private Collection<String> names(CompletionRequest r, Function<Lookup, Collection<String>> what) {
        try {
            Invocation inv = new Invocation("aws", List.of(), "", new StringBuilder(), new StringBuilder(), r.env(), r.node(),
                    r.node().home(), INERT);
            AwsConfig conf = AwsConfig.resolve(inv, Optional.empty(), Optional.empty(), Optional.empty(), true);
            return cloud.keystone().withTransientEc2Token(conf.accessKey(), conf.secretKey(),
                    token -> cloud.compute().unrecorded(() -> what.apply(new Lookup(cloud, token)))).orElse(List.of());
        } catch (AwsExit | Ec2Error | CloudError e) {
            return List.of();
        }
    }

    /** Completion never sleeps or logs in anywhere. */
    private static final ShellControl INERT = new ShellControl() {
        public void sleep(long ms) { }

        public long nowMs() { return 0; }

        public void enter(Node node, Map<String, String> env) { }

        public int runOn(Node node, String commandLine, Invocation inv) { return 1; }
    };
}
