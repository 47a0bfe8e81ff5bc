package novalab.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders an EC2 answer (botocore's parsed shape, as the CLI prints it) as the XML the EC2 Query API sends: each
 * member under its model {@code locationName} (the member name with a lower-case first letter, except the names
 * listed here), lists as a wrapper of {@code <item>} elements (an empty list as an empty wrapper), booleans
 * {@code true}/{@code false}.
 */
final class Ec2Xml {
    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    /** List members whose wrapper is not the lower-camel member name, wherever they occur. */
    private static final Map<String, String> LISTS = Map.ofEntries(
            Map.entry("Reservations", "reservationSet"), Map.entry("Instances", "instancesSet"), Map.entry("Tags", "tagSet"),
            Map.entry("InstanceTypes", "instanceTypeSet"), Map.entry("KeyPairs", "keySet"), Map.entry("Images", "imagesSet"),
            Map.entry("StoppingInstances", "instancesSet"), Map.entry("StartingInstances", "instancesSet"),
            Map.entry("TerminatingInstances", "instancesSet"), Map.entry("Addresses", "addressesSet"),
            Map.entry("NetworkInterfaces", "networkInterfaceSet"), Map.entry("BlockDeviceMappings", "blockDeviceMapping"),
            Map.entry("UserIdGroupPairs", "groups"), Map.entry("SecurityGroupRules", "securityGroupRuleSet"),
            Map.entry("PrivateIpAddresses", "privateIpAddressesSet"), Map.entry("Ipv6Addresses", "ipv6AddressesSet"),
            Map.entry("Groups", "groupSet"));

    /** Members renamed only inside a given parent (the list or structure member that holds them). */
    private static final Map<String, Map<String, String>> IN_PARENT = Map.of(
            "Instances", Map.of("State", "instanceState", "PublicDnsName", "dnsName", "PublicIpAddress", "ipAddress",
                    "StateTransitionReason", "reason", "SecurityGroups", "groupSet"),
            "SecurityGroups", Map.of("Description", "groupDescription"),
            "Images", Map.of("State", "imageState", "Public", "isPublic", "OwnerId", "imageOwnerId"),
            "", Map.of("SecurityGroups", "securityGroupInfo"));

    private Ec2Xml() {}

    /** {@code <ActionResponse xmlns=…><requestId>…</requestId>…</ActionResponse>}. */
    static String response(String action, String requestId, JsonNode data) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action).append("Response xmlns=\"")
                .append(NAMESPACE).append("\"><requestId>").append(requestId).append("</requestId>");
        if (data == null || data.isEmpty()) {
            sb.append("<return>true</return>");
        } else {
            JsonNode body = data;
            if (action.equals("GetConsoleOutput") && data.has("Output")) {
                body = data.deepCopy();
                ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("Output",
                        Base64.getEncoder().encodeToString(data.get("Output").asText().getBytes(StandardCharsets.UTF_8)));
            }
            members(body, "", sb);
        }
        return sb.append("</").append(action).append("Response>\n").toString();
    }

    /** {@code <Response><Errors><Error><Code>…</Code><Message>…</Message></Error></Errors><RequestID>…</RequestID></Response>}. */
    static String error(String code, String message, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + escape(code) + "</Code><Message>" + escape(message)
                + "</Message></Error></Errors><RequestID>" + requestId + "</RequestID></Response>\n";
    }

    private static void members(JsonNode obj, String parent, StringBuilder sb) {
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v == null || v.isNull() || v.isMissingNode()) continue;
            String name = name(parent, e.getKey(), v.isArray());
            element(name, e.getKey(), v, sb);
        }
    }

    private static void element(String name, String key, JsonNode v, StringBuilder sb) {
        if (v.isArray() && v.isEmpty() || v.isObject() && v.isEmpty()) {
            sb.append('<').append(name).append("/>");
            return;
        }
        sb.append('<').append(name).append('>');
        if (v.isArray()) {
            for (JsonNode item : v) element("item", key, item, sb);
        } else if (v.isObject()) {
            members(v, key, sb);
        } else {
            sb.append(escape(v.asText()));
        }
        sb.append("</").append(name).append('>');
    }

    private static String name(String parent, String key, boolean list) {
        Map<String, String> local = IN_PARENT.get(parent);
        if (local != null && local.containsKey(key)) return local.get(key);
        if (list && LISTS.containsKey(key)) return LISTS.get(key);
        return Character.toLowerCase(key.charAt(0)) + key.substring(1);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append('\uFFFD');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
