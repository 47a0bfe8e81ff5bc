package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.WeakHashMap;
import novalab.engine.Cloud;
import novalab.engine.common.CloudError;
import novalab.engine.identity.Keystone;

/**
 * The EC2 API of a cloud as actions with EC2 Query parameters ({@code Action=RunInstances&ImageId=…&MinCount=1&…}):
 * the same operations the {@code aws ec2} CLI runs (one implementation per operation, shared), reached from the wire
 * names botocore's serializer writes instead of the CLI's options. Answers are botocore's parsed shape or an EC2 error.
 *
 * <p>Calls authenticate as the cloud's first EC2 credential (the student's own key pair of the scenario, the one in
 * {@code ~/.aws/credentials}); the Keystone token is kept and renewed when it expires, so a replay of the same
 * calls draws the same ids. Not thread-safe: the caller serialises calls to a cloud.
 */
public final class Ec2Service {
    /** The region the lab's EC2 endpoint answers for (the scenario's {@code ~/.aws/config}). */
    public static final String REGION = "RegionOne";

    private static final Map<Cloud, Ec2Service> PER_CLOUD = new WeakHashMap<>();

    /** Every operation, by API action name. */
    static final Map<String, Ec2Operation> BY_ACTION = new LinkedHashMap<>();

    static {
        for (Ec2Operation op : operations()) BY_ACTION.put(op.apiName(), op);
    }

    private final Cloud cloud;
    private final Terminated terminated;
    private String token = "";

    private Ec2Service(Cloud cloud) {
        this.cloud = cloud;
        this.terminated = Terminated.of(cloud);
    }

    /** The operations of the EC2 dialect, in the CLI's alphabetical order. */
    static List<Ec2Operation> operations() {
        return List.of(new AllocateAddress(), new AssociateAddress(), new AuthorizeSecurityGroupIngress(),
                new CreateKeyPair(), new CreateSecurityGroup(), new DeleteKeyPair(), new DeleteSecurityGroup(), new DescribeImages(),
                new DescribeInstanceTypes(), new DescribeInstances(), new DescribeKeyPairs(), new DescribeSecurityGroups(),
                new GetConsoleOutput(), new RebootInstances(), new ReleaseAddress(), new RunInstances(), new StartInstances(),
                new StopInstances(), new TerminateInstances());
    }

    /** The one service of a cloud (its token and its record of terminated instances are the cloud's). */
    public static Ec2Service of(Cloud cloud) {
        synchronized (PER_CLOUD) {
            return PER_CLOUD.computeIfAbsent(cloud, Ec2Service::new);
        }
    }

    /** The action names this service answers, e.g. {@code DescribeInstances}. */
    public static List<String> actions() { return List.copyOf(BY_ACTION.keySet()); }

    /** Runs one action with its decoded Query parameters ({@code Action} and {@code Version} included or not). Never throws. */
    public Ec2Answer call(Map<String, String> params) {
        String action = params.getOrDefault("Action", "");
        if (action.isEmpty()) return Ec2Answer.error("", 400, "MissingAction", "The request must contain the parameter Action");
        Ec2Operation op = BY_ACTION.get(action);
        if (op == null) return Ec2Answer.error(action, 400, "InvalidAction", "The action " + action + " is not valid for this web service.");
        try {
            Ec2Request req = request(op, params);
            return Ec2Answer.success(action, op.execute(new Ec2Context(cloud, token(), REGION, terminated), req));
        } catch (Ec2Error e) {
            return Ec2Answer.error(action, status(e.code()), e.code(), e.getMessage());
        } catch (CloudError e) {
            Ec2Error t = Ec2Context.translate(e);
            return Ec2Answer.error(action, status(t.code()), t.code(), t.getMessage());
        } catch (AwsExit e) {
            return Ec2Answer.error(action, 400, "InvalidParameterValue", e.getMessage().strip());
        }
    }

    private static int status(String code) {
        return switch (code) {
            case "DryRunOperation" -> 412;
            case "AuthFailure" -> 401;
            case "UnauthorizedOperation" -> 403;
            default -> 400;
        };
    }

    private String token() {
        if (!token.isEmpty()) {
            try {
                cloud.keystone().validate(token);
                return token;
            } catch (CloudError expired) {
                token = "";
            }
        }
        List<Keystone.Ec2Credential> creds = cloud.keystone().ec2Credentials();
        if (creds.isEmpty()) throw new Ec2Error("AuthFailure", "AWS was not able to validate the provided access credentials");
        Keystone.Ec2Credential c = creds.get(0);
        try {
            token = cloud.keystone().authenticateEc2(c.access(), c.secret()).id();
        } catch (CloudError e) {
            throw new Ec2Error("AuthFailure", "AWS was not able to validate the provided access credentials");
        }
        return token;
    }

    // ----- Query parameters → the operation's options -----

    /** The CLI options that exist only on the command line (the CLI folds them into other wire parameters or pages itself). */
    private static final List<String> CLI_ONLY = List.of("--protocol", "--port", "--cidr", "--source-group", "--group-owner",
            "--starting-token", "--max-items", "--page-size");

    /** Per structure-list option: its wire prefix and the item members renamed from wire to model names. */
    private record StructWire(String prefix, Map<String, String> renames) {}

    private static final Map<String, StructWire> STRUCTS = Map.of(
            "--filters", new StructWire("Filter", Map.of("Value", "Values")),
            "--tag-specifications", new StructWire("TagSpecification", Map.of("Tag", "Tags")),
            "--ip-permissions", new StructWire("IpPermissions", Map.of("Groups", "UserIdGroupPairs")),
            "--block-device-mappings", new StructWire("BlockDeviceMapping", Map.of()),
            "--placement", new StructWire("Placement", Map.of()));

    static Ec2Request request(Ec2Operation op, Map<String, String> params) {
        Ec2Request.Spec spec = op.spec();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (Map.Entry<String, Ec2Request.Kind> o : spec.options.entrySet()) {
            String opt = o.getKey();
            if (CLI_ONLY.contains(opt)) continue;
            String wire = wireName(op, opt, o.getValue());
            switch (o.getValue()) {
                case FLAG -> {
                    if (params.containsKey(wire)) flags.put(opt, params.get(wire).equalsIgnoreCase("true"));
                }
                case LIST -> {
                    List<String> v = members(params, wire);
                    if (!v.isEmpty()) values.put(opt, v);
                }
                case STRUCT, STRUCTS -> {
                    StructWire sw = STRUCTS.get(opt);
                    if (sw == null) continue;
                    JsonNode tree = tree(params, sw.prefix());
                    if (tree == null) continue;
                    if (tree.isArray()) tree.forEach(item -> rename(item, sw.renames()));
                    else rename(tree, sw.renames());
                    values.put(opt, List.of(tree.toString()));
                }
                default -> {
                    if (opt.equals("--count")) {
                        String min = params.getOrDefault("MinCount", "");
                        String max = params.getOrDefault("MaxCount", min);
                        if (!min.isEmpty()) values.put(opt, List.of(min.equals(max) ? min : min + ":" + max));
                    } else if (opt.equals("--user-data") && params.containsKey(wire)) {
                        values.put(opt, List.of(base64Text(params.get(wire))));
                    } else if (params.containsKey(wire)) {
                        values.put(opt, List.of(params.get(wire)));
                    }
                }
            }
        }
        if (op instanceof RunInstances && (!params.containsKey("MinCount") || !params.containsKey("MaxCount"))) {
            throw new Ec2Error("MissingParameter", "The request must contain the parameter " + (params.containsKey("MinCount") ? "MaxCount" : "MinCount"));
        }
        for (String req : spec.required) {
            if (!values.containsKey(req)) {
                throw new Ec2Error("MissingParameter", "The request must contain the parameter " + wireName(op, req, spec.options.get(req)));
            }
        }
        return Ec2Request.of(spec, values, flags);
    }

    /** The Query name of an option: its member name, singular for lists ({@code --instance-ids} → {@code InstanceId.N}). */
    static String wireName(Ec2Operation op, String option, Ec2Request.Kind kind) {
        if (option.equals("--description") && op instanceof CreateSecurityGroup) return "GroupDescription";
        if (option.equals("--executable-users")) return "ExecutableBy";
        if (STRUCTS.containsKey(option)) return STRUCTS.get(option).prefix();
        StringBuilder sb = new StringBuilder();
        for (String w : option.substring(2).split("-")) {
            if (!w.isEmpty()) sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        String name = sb.toString();
        if (kind == Ec2Request.Kind.LIST && name.endsWith("s")) name = name.substring(0, name.length() - 1);
        return name;
    }

    private static List<String> members(Map<String, String> params, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; params.containsKey(prefix + "." + i); i++) out.add(params.get(prefix + "." + i));
        return out;
    }

    private static String base64Text(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Ec2Error("InvalidParameterValue", "Invalid BASE64 encoding of user data.");
        }
    }

    private static final List<String> INTEGERS = List.of("FromPort", "ToPort", "VolumeSize", "Iops", "Throughput");

    /** The flattened members under {@code prefix.} as a tree: numeric segments become (1-based) list items; none → null. */
    private static JsonNode tree(Map<String, String> params, String prefix) {
        TreeMap<String, Object> root = new TreeMap<>();
        boolean any = false;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().startsWith(prefix + ".")) continue;
            String[] path = e.getKey().substring(prefix.length() + 1).split("\\.", -1);
            any = true;
            put(root, path, 0, e.getValue());
        }
        return any ? toJson(root, "") : null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> node, String[] path, int i, String value) {
        String key = path[i];
        if (i == path.length - 1) {
            if (!(node.get(key) instanceof Map)) node.put(key, value);
            return;
        }
        Object child = node.get(key);
        if (!(child instanceof Map)) {
            child = new TreeMap<String, Object>();
            node.put(key, child);
        }
        put((Map<String, Object>) child, path, i + 1, value);
    }

    @SuppressWarnings("unchecked")
    private static JsonNode toJson(Object o, String key) {
        if (o instanceof String s) {
            if (INTEGERS.contains(key) && s.matches("-?\\d{1,9}")) return AwsJson.MAPPER.getNodeFactory().numberNode(Integer.parseInt(s));
            return AwsJson.MAPPER.getNodeFactory().textNode(s);
        }
        Map<String, Object> m = (Map<String, Object>) o;
        if (!m.isEmpty() && m.keySet().stream().allMatch(k -> k.matches("\\d{1,6}"))) {
            TreeMap<Integer, Object> byIndex = new TreeMap<>();
            m.forEach((k, v) -> byIndex.put(Integer.parseInt(k), v));
            ArrayNode a = AwsJson.arr();
            byIndex.values().forEach(v -> a.add(toJson(v, key)));
            return a;
        }
        ObjectNode n = AwsJson.obj();
        m.forEach((k, v) -> n.set(k, toJson(v, k)));
        return n;
    }

    private static void rename(JsonNode item, Map<String, String> renames) {
        if (!(item instanceof ObjectNode o)) return;
        renames.forEach((from, to) -> {
            if (o.has(from) && !o.has(to)) {
                JsonNode v = o.remove(from);
                o.set(to, v);
            }
        });
    }

    /** For tests and tools: an operation's Query name for a CLI option. */
    static Optional<Ec2Operation> byCliName(String name) {
        return BY_ACTION.values().stream().filter(op -> op.name().equals(name)).findFirst();
    }
}
