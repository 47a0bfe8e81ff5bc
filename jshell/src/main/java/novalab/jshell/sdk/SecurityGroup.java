package novalab.jshell.sdk;

import java.util.List;
import java.util.Map;

/** A Neutron security group with its rules: {@code GET /network/v2.0/security-groups}. */
public record SecurityGroup(String id, String name, String description, List<SecurityGroupRule> rules) {
    static SecurityGroup of(Map<String, Object> m) {
        List<SecurityGroupRule> rules = Json.list(m, "security_group_rules").stream().map(SecurityGroupRule::of).toList();
        return new SecurityGroup(Json.str(m, "id"), Json.str(m, "name"), Json.str(m, "description"), rules);
    }
}
