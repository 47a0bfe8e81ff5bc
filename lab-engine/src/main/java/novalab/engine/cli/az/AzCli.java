package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import novalab.engine.Cloud;
import novalab.engine.common.CloudError;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;

/**
 * The {@code az} command (Azure CLI 2.45): a further API dialect over the same engine. Its VMs are Nova
 * servers placed by the same scheduler, its public IPs Neutron floating IPs, its NSGs rules on the
 * same data plane; resource groups and ARM ids live in the cloud's {@link AzureRegistry}. Output goes
 * through knack's formats ({@link AzOutput}); errors print as azure-cli prints them (exit 1, 2 for
 * argument errors, 3 for resource not found).
 */
public final class AzCli implements Program, novalab.engine.shell.Completer {
    private final Cloud cloud;
    private final Supplier<AzureRegistry> registry;
    private final Map<String, AzCommand> commands = new TreeMap<>();

    public AzCli(Cloud cloud) {
        this.cloud = cloud;
        this.registry = cloud::azure;
        for (AzCommand c : AzCommands.all()) commands.put(c.name(), c);
    }

    /** Command names, for help and completion. */
    public List<String> commandNames() { return List.copyOf(commands.keySet()); }

    /** Tab completion: command words, options, VM and resource group names (see {@link AzCompleter}). */
    @Override
    public List<String> complete(novalab.engine.shell.CompletionRequest request) {
        return new AzCompleter(cloud, registry.get(), commands).complete(request);
    }

    @Override
    public int run(Invocation inv) {
        try {
            return dispatch(inv);
        } catch (AzError e) {
            print(inv, e);
            return e.exitStatus();
        } catch (CloudError e) {
            // an engine fault in ARM's words: Nova's quota (403) is Azure's OperationNotAllowed, a 409 a Conflict
            String code = switch (e.status()) {
                case 403 -> "OperationNotAllowed";
                case 404 -> "NotFound";
                case 409 -> "Conflict";
                default -> e.code().isBlank() ? "BadRequest" : Character.toUpperCase(e.code().charAt(0)) + e.code().substring(1);
            };
            print(inv, AzError.arm(code, e.getMessage(), e.status() == 404));
            return e.status() == 404 ? 3 : 1;
        }
    }

    private static void print(Invocation inv, AzError e) {
        inv.errln("ERROR: " + e.getMessage());
        e.recommendations().forEach(inv::errln);
    }

    private int dispatch(Invocation inv) {
        List<String> args = inv.args();
        List<String> words = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) break;
            words.add(a);
        }
        Optional<AzCommand> cmd = Optional.empty();
        int used = 0;
        for (int n = words.size(); n >= 1 && cmd.isEmpty(); n--) {
            cmd = Optional.ofNullable(commands.get(String.join(" ", words.subList(0, n))));
            if (cmd.isPresent()) used = n;
        }
        boolean help = args.contains("-h") || args.contains("--help");
        if (cmd.isEmpty()) {
            if (words.isEmpty() && args.contains("--version")) {
                inv.out(AzHelp.version(inv));
                return 0;
            }
            String group = longestGroup(words);
            if (words.size() == (group.isEmpty() ? 0 : group.split(" ").length)) {
                if (words.isEmpty() && !help && !args.isEmpty()) {
                    throw AzError.usage("unrecognized arguments: " + String.join(" ", args));
                }
                inv.out(words.isEmpty() && !help ? AzHelp.welcome(commandNames()) : AzHelp.group(group, commandNames()));
                return 0;
            }
            String bad = words.get(group.isEmpty() ? 0 : group.split(" ").length);
            List<String> recs = new ArrayList<>();
            AzHelp.suggest(bad, AzHelp.children(group, commandNames())).ifPresent(s -> recs.addAll(List.of("", "Did you mean '" + s + "' ?")));
            recs.addAll(List.of("", "Examples from AI knowledge base:", "https://aka.ms/cli_ref", "Read more about the command in reference docs"));
            throw new AzError("'" + bad + "' is misspelled or not recognized by the system.", 2, recs);
        }
        AzCommand c = cmd.get();
        AzArgs.Spec spec = c.spec();
        AzArgs.addGlobals(spec);
        if (help) {
            inv.out(AzHelp.command(c.name(), spec));
            return 0;
        }
        AzArgs a = AzArgs.parse(spec, args.subList(used, args.size()));
        String format = a.opt("--output").orElseGet(() -> defaultOutput(inv));
        Optional<Expression<JsonNode>> query = a.opt("--query").map(AzOutput::compile);
        AzureRegistry reg = registry.get();
        if (c.needsLogin() && !reg.loggedIn()) throw AzError.of("Please run 'az login' to setup account.");
        Optional<String> sub = a.opt("--subscription");
        if (c.needsLogin() && sub.isPresent() && !sub.get().equalsIgnoreCase(reg.subscriptionId())
                && !sub.get().equalsIgnoreCase(AzureRegistry.SUBSCRIPTION_NAME)) {
            throw AzError.of("The subscription of '" + sub.get() + "' doesn't exist in cloud 'AzureCloud'.");
        }
        AzContext ctx = new AzContext(cloud, inv, reg, a.flag("--only-show-errors"));
        Optional<JsonNode> result = c.run(ctx, a);
        if (result.isPresent()) inv.out(AzOutput.render(result.get(), format, query, c.tableTransformer(a)));
        return 0;
    }

    private String longestGroup(List<String> words) {
        String best = "";
        for (int n = 1; n <= words.size(); n++) {
            String prefix = String.join(" ", words.subList(0, n));
            if (commands.keySet().stream().anyMatch(k -> k.startsWith(prefix + " "))) best = prefix;
            else break;
        }
        return best;
    }

    private static String defaultOutput(Invocation inv) {
        String env = inv.env("AZURE_CORE_OUTPUT").toLowerCase();
        return AzArgs.OUTPUTS.contains(env) ? env : "json";
    }
}
