package novalab.jshell.sdk;

import java.util.Map;

/** One Neutron security group rule ({@code protocol} and ports empty when the rule allows any). */
public record SecurityGroupRule(String id, String direction, String ethertype, String protocol, String portRangeMin,
                                String portRangeMax, String remoteIpPrefix) {
    static SecurityGroupRule of(Map<String, Object> m) {
        return new SecurityGroupRule(Json.str(m, "id"), Json.str(m, "direction"), Json.str(m, "ethertype"), Json.str(m, "protocol"),
                Json.str(m, "port_range_min"), Json.str(m, "port_range_max"), Json.str(m, "remote_ip_prefix"));
    }
}
