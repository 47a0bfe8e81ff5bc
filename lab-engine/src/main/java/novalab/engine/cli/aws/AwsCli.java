package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.common.CloudError;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;

/**
 * {@code aws} (AWS CLI v2, as 2.9.19 behaves) for the {@code ec2} service: a further API dialect over the
 * same engine, the way OpenStack's own EC2 API was. The access key is exchanged for a Keystone token
 * ({@code POST /v3/ec2tokens}); each operation calls nova-api, Neutron and Glance with it; the result is
 * filtered by {@code --query} (JMESPath) and printed as json, text or table. Exit statuses: 252 usage,
 * 253 configuration, 254 service error, 255 other.
 */
public final class AwsCli implements Program, novalab.engine.shell.Completer {
    private static final List<String> OUTPUTS = List.of("json", "text", "table", "yaml", "yaml-stream");
    private static final Map<String, Boolean> GLOBALS = new LinkedHashMap<>();

    static {
        for (String o : List.of("--output", "--query", "--region", "--profile", "--endpoint-url", "--ca-bundle", "--color",
                "--cli-read-timeout", "--cli-connect-timeout", "--cli-binary-format")) GLOBALS.put(o, true);
        for (String o : List.of("--debug", "--no-verify-ssl", "--no-paginate", "--no-sign-request", "--no-cli-pager",
                "--cli-auto-prompt", "--no-cli-auto-prompt")) GLOBALS.put(o, false);
    }

    private final Cloud cloud;
    private final Map<String, Ec2Operation> operations = new LinkedHashMap<>();
    private final Terminated terminated;
    private final JmesPath<JsonNode> jmespath = new JacksonRuntime();

    public AwsCli(Cloud cloud) {
        this.cloud = cloud;
        this.terminated = Terminated.of(cloud);
        for (Ec2Operation op : Ec2Service.operations()) {
            operations.put(op.name(), op);
        }
    }

    /** Tab completion: ec2 operations, their options, and ids/names in the cloud (see {@link AwsCompleter}). */
    @Override
    public List<String> complete(novalab.engine.shell.CompletionRequest request) {
        return new AwsCompleter(cloud, operations, GLOBALS).complete(request);
    }

    @Override
    public int run(Invocation inv) {
        try {
            return dispatch(inv);
        } catch (AwsExit e) {
            inv.err(e.getMessage());
            return e.status();
        }
    }

    private int dispatch(Invocation inv) {
        Map<String, String> globals = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        List<String> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            Boolean takesValue = GLOBALS.get(name);
            if (takesValue == null) {
                rest.add(a);
            } else if (!takesValue) {
                globals.put(name, "");
            } else if (!name.equals(a)) {
                globals.put(name, a.substring(a.indexOf('=') + 1));
            } else if (i + 1 < args.size()) {
                globals.put(name, args.get(++i));
            } else {
                throw AwsExit.usage("argument " + name + ": expected one argument");
            }
        }
        if (rest.contains("--version")) {
            inv.outln("aws-cli/2.9.19 Python/3.11.2 Linux/6.1.0-13-amd64 source/x86_64.debian.12 prompt/off");
            return 0;
        }
        if (globals.containsKey("--output") && !OUTPUTS.contains(globals.get("--output"))) {
            throw AwsExit.usage("argument --output: Invalid choice, valid choices are:\n\n" + columns(OUTPUTS));
        }
        if (rest.isEmpty()) throw AwsExit.usage("the following arguments are required: command");
        if (rest.get(rest.size() - 1).equals("help") && rest.size() <= 3) return help(inv, rest.subList(0, rest.size() - 1));
        if (!rest.get(0).equals("ec2")) {
            throw AwsExit.usage("argument command: Invalid choice, valid choices are:\n\n" + columns(List.of("ec2")));
        }
        if (rest.size() < 2) throw AwsExit.usage("the following arguments are required: operation");
        String opName = rest.get(1);
        List<String> opArgs = rest.subList(2, rest.size());
        if (opName.equals("wait")) return waiter(inv, globals, opArgs);
        Ec2Operation op = operations.get(opName);
        if (op == null) throw invalidOperation(opName);
        Ec2Request req = Ec2Request.parse(op.spec(), opArgs);
        Optional<Expression<JsonNode>> query = query(globals);
        Optional<JsonNode> result;
        try {
            result = op.execute(context(inv, globals), req);
        } catch (Ec2Error e) {
            return serviceError(inv, e, op.apiName());
        } catch (CloudError e) {
            return serviceError(inv, Ec2Context.translate(e), op.apiName());
        }
        if (result.isPresent()) print(inv, op.apiName(), result.get(), query, output(inv, globals));
        return 0;
    }

    /** {@code aws [ec2 [operation]] help}: the man page's NAME and SYNOPSIS (the real CLI renders the full page). */
    private int help(Invocation inv, List<String> topic) {
        if (topic.isEmpty() || (topic.size() == 1 && topic.get(0).equals("ec2"))) {
            StringBuilder sb = new StringBuilder(topic.isEmpty() ? "AWS()\n\nNAME\n       aws -\n\nAVAILABLE SERVICES\n       o ec2\n"
                    : "EC2()\n\nNAME\n       ec2 -\n\nAVAILABLE COMMANDS\n");
            if (!topic.isEmpty()) {
                operations.keySet().stream().sorted().forEach(n -> sb.append("       o ").append(n).append("\n\n"));
                sb.append("       o wait\n");
            }
            inv.out(sb.toString());
            return 0;
        }
        if (!topic.get(0).equals("ec2")) throw AwsExit.usage("argument command: Invalid choice, valid choices are:\n\n" + columns(List.of("ec2")));
        Ec2Operation op = operations.get(topic.get(1));
        if (op == null) throw invalidOperation(topic.get(1));
        StringBuilder sb = new StringBuilder(op.name().toUpperCase() + "()\n\nNAME\n       " + op.name() + " -\n\nSYNOPSIS\n            " + op.name() + "\n");
        op.spec().options.forEach((name, kind) -> {
            String arg = kind == Ec2Request.Kind.FLAG ? name + " | --no-" + name.substring(2) : name + " <value>";
            sb.append("          ").append(op.spec().required.contains(name) ? arg : "[" + arg + "]").append('\n');
        });
        inv.out(sb.toString());
        return 0;
    }

    private int waiter(Invocation inv, Map<String, String> globals, List<String> args) {
        if (args.isEmpty()) throw AwsExit.usage("the following arguments are required: waiter_name");
        String w = args.get(0);
        if (!Waiter.WAITERS.containsKey(w)) {
            throw AwsExit.usage("argument waiter_name: Invalid choice, valid choices are:\n\n" + columns(Waiter.WAITERS.keySet().stream().sorted().toList()));
        }
        Ec2Request req = Ec2Request.parse(Waiter.spec(), args.subList(1, args.size()));
        Ec2Context ctx;
        try {
            ctx = context(inv, globals);
        } catch (Ec2Error e) {
            throw new AwsExit(255, "\nWaiter failed: An error occurred (" + e.code() + "): " + e.getMessage() + "\n");
        }
        Waiter.run(ctx, w, req);
        return 0;
    }

    private Ec2Context context(Invocation inv, Map<String, String> globals) {
        AwsConfig conf = AwsConfig.resolve(inv, Optional.ofNullable(globals.get("--profile")), Optional.ofNullable(globals.get("--region")),
                Optional.ofNullable(globals.get("--output")), !globals.containsKey("--no-sign-request"));
        String token;
        try {
            token = cloud.keystone().authenticateEc2(conf.accessKey(), conf.secretKey()).id();
        } catch (CloudError e) {
            throw new Ec2Error("AuthFailure", "AWS was not able to validate the provided access credentials");
        }
        return new Ec2Context(cloud, inv, token, conf.region(), terminated);
    }

    private Optional<Expression<JsonNode>> query(Map<String, String> globals) {
        if (!globals.containsKey("--query")) return Optional.empty();
        String q = globals.get("--query");
        try {
            return Optional.of(jmespath.compile(novalab.engine.cli.JmesPathLiterals.normalise(q)));
        } catch (JmesPathException | IllegalArgumentException | IllegalStateException e) {
            throw new AwsExit(252, "\nBad value for --query " + q + ": " + firstLine(e.getMessage()) + "\n");
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid expression";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String output(Invocation inv, Map<String, String> globals) {
        return AwsConfig.resolve(inv, Optional.ofNullable(globals.get("--profile")), Optional.ofNullable(globals.get("--region")),
                Optional.ofNullable(globals.get("--output")), false).output();
    }

    private static void print(Invocation inv, String apiName, JsonNode result, Optional<Expression<JsonNode>> query, String output) {
        JsonNode data = result;
        if (query.isPresent()) {
            try {
                data = query.get().search(result);
            } catch (RuntimeException e) {
                throw new AwsExit(255, "\n" + firstLine(e.getMessage()) + "\n");
            }
        }
        if (data == null) data = AwsJson.MAPPER.nullNode();
        switch (output) {
            case "text" -> inv.out(AwsText.render(data));
            case "table" -> inv.out(AwsTable.render(apiName, data, terminalWidth(inv)));
            case "yaml", "yaml-stream" -> inv.out(AwsYaml.render(data, output.equals("yaml-stream")));
            default -> {
                if (!(data.isObject() && data.isEmpty() && query.isEmpty())) inv.out(AwsJson.render(data));
            }
        }
    }

    private static int terminalWidth(Invocation inv) {
        String c = inv.env("COLUMNS");
        return c.matches("\\d{2,4}") ? Integer.parseInt(c) : 80;
    }

    private static int serviceError(Invocation inv, Ec2Error e, String apiName) {
        inv.err("\nAn error occurred (" + e.code() + ") when calling the " + apiName + " operation: " + e.getMessage() + "\n");
        return 254;
    }

    private AwsExit invalidOperation(String opName) {
        List<String> names = new ArrayList<>(operations.keySet());
        names.add("wait");
        names.sort(null);
        StringBuilder sb = new StringBuilder("argument operation: Invalid choice, valid choices are:\n\n").append(columns(names));
        List<String> close = names.stream().filter(n -> similar(n, opName)).toList();
        if (!close.isEmpty()) {
            sb.append("\nInvalid choice: '").append(opName).append("', maybe you meant:\n\n");
            close.forEach(n -> sb.append("  * ").append(n).append('\n'));
            return new AwsExit(252, AwsExit.USAGE + "aws: error: " + sb);
        }
        return AwsExit.usage(sb.toString().stripTrailing());
    }

    /** difflib-like closeness: a shared prefix of most of the word. */
    private static boolean similar(String a, String b) {
        int p = 0;
        while (p < a.length() && p < b.length() && a.charAt(p) == b.charAt(p)) p++;
        return b.length() > 3 && p >= Math.min(a.length(), b.length()) * 0.8;
    }

    /** argparse's choices in two columns: {@code name (padded to 40) | name}. */
    private static String columns(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i += 2) {
            if (i + 1 < names.size()) sb.append(String.format("%-40s | %s", names.get(i), names.get(i + 1))).append('\n');
            else sb.append(names.get(i)).append('\n');
        }
        return sb.toString();
    }
}
