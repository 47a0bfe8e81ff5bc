package novalab.jshell.sdk;

import java.util.List;
import java.util.Map;

/** {@code cloud.securityGroups()}: list, get, create and delete groups, and add or delete their rules (Neutron). */
public final class SecurityGroups {
    private final Cloud cloud;

    SecurityGroups(Cloud cloud) {
        this.cloud = cloud;
    }

    public List<SecurityGroup> list() {
        return Json.list(Api.get(cloud, "/network/v2.0/security-groups"), "security_groups").stream().map(SecurityGroup::of).toList();
    }

    public SecurityGroup get(String nameOrId) {
        return SecurityGroup.of(Json.obj(Api.get(cloud, "/network/v2.0/security-groups/" + id(nameOrId)), "security_group"));
    }

    public SecurityGroup create(String name, String description) {
        String body = "{\"security_group\": {\"name\": " + Json.quote(name) + ", \"description\": " + Json.quote(description) + "}}";
        return SecurityGroup.of(Json.obj(Api.post(cloud, "/network/v2.0/security-groups", body), "security_group"));
    }

    public void delete(String nameOrId) {
        Api.delete(cloud, "/network/v2.0/security-groups/" + id(nameOrId));
    }

    /** Allows ingress {@code protocol} ({@code tcp}, {@code udp}, {@code icmp}) on ports {@code min..max} from {@code cidr}. */
    public SecurityGroupRule addRule(String group, String protocol, int min, int max, String cidr) {
        String ports = protocol.equals("icmp") ? "" : ", \"port_range_min\": " + min + ", \"port_range_max\": " + max;
        String body = "{\"security_group_rule\": {\"security_group_id\": " + Json.quote(id(group)) + ", \"direction\": \"ingress\""
                + ", \"ethertype\": \"IPv4\", \"protocol\": " + Json.quote(protocol) + ports
                + ", \"remote_ip_prefix\": " + Json.quote(cidr) + "}}";
        Map<String, Object> r = Json.obj(Api.post(cloud, "/network/v2.0/security-group-rules", body), "security_group_rule");
        return SecurityGroupRule.of(r);
    }

    public void deleteRule(String ruleId) {
        Api.delete(cloud, "/network/v2.0/security-group-rules/" + Cloud.enc(ruleId));
    }

    private String id(String nameOrId) {
        return Cloud.resolve("security group", nameOrId, list().stream().map(s -> new String[] {s.id(), s.name()}).toList());
    }

    @Override
    public String toString() {
        return "SecurityGroups[list() get(name) create(name, description) delete(name) addRule(group, protocol, min, max, cidr) deleteRule(id)]";
    }
}
