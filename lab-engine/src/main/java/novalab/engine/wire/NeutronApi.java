package novalab.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import novalab.engine.common.CloudError;
import novalab.engine.identity.RequestContext;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Network;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.Router;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Model.SecurityGroupRule;
import novalab.engine.network.Model.Subnet;
import novalab.engine.network.Neutron;

/**
 * Neutron's v2.0 API under {@code /network}: networks, subnets, ports, routers, security groups and rules,
 * floating IPs (create, associate by PUT, delete), extensions (none). Lists take field filters and
 * {@code fields=} projections. Every call goes through {@link Neutron} with the caller's Keystone context.
 */
final class NeutronApi {
    private static final Set<String> NOT_FILTERS = Set.of("fields", "limit", "marker", "sort_key", "sort_dir", "page_reverse");

    private NeutronApi() {}

    static ApiResponse handle(Req r) {
        try {
            return route(r);
        } catch (Req.BadJson e) {
            return error(400, "BadRequest", "Failed to parse request. Cannot understand JSON");
        } catch (Req.NoRoute e) {
            return e.status == 405 ? error(405, "HTTPMethodNotAllowed", "The method is not allowed for the requested URL.")
                    : error(404, "HTTPNotFound", "The resource could not be found.");
        } catch (CloudError e) {
            if (e.status() == 401) return KeystoneApi.unauthorizedResponse(r);
            return error(e.status(), type(e), e.getMessage());
        }
    }

    private static String type(CloudError e) {
        String c = e.code();
        if (!c.isEmpty() && Character.isUpperCase(c.charAt(0))) return c;
        return switch (e.status()) {
            case 400 -> "BadRequest";
            case 403 -> "PolicyNotAuthorized";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            default -> "NeutronException";
        };
    }

    /** Neutron's error body {@code {"NeutronError": {"type", "message", "detail"}}}. */
    static ApiResponse error(int status, String type, String message) {
        return ApiResponse.json(status, Js.obj("NeutronError", Js.obj("type", type, "message", message, "detail", "")));
    }

    private static void only(Req r, String... methods) {
        for (String m : methods) {
            if (r.method().equals(m) || (m.equals("GET") && r.method().equals("HEAD"))) return;
        }
        throw Req.badMethod();
    }

    private static ApiResponse route(Req r) {
        if (r.size() == 0) {
            only(r, "GET");
            return ApiResponse.json(200, Js.obj("versions", List.of(Js.obj("id", "v2.0", "status", "CURRENT",
                    "links", List.of(Js.obj("rel", "self", "href", r.base + "/network/v2.0/"))))));
        }
        if (!r.seg(0).equals("v2.0")) throw Req.notFound();
        RequestContext ctx = r.cloud().keystone().validate(r.token());
        if (r.size() == 1) {
            only(r, "GET");
            return ApiResponse.json(200, Js.obj("resources", List.of()));
        }
        String kind = r.seg(1);
        if (kind.endsWith(".json")) kind = kind.substring(0, kind.length() - 5);
        Neutron n = r.cloud().neutron();
        Optional<String> id = r.size() > 2 ? Optional.of(r.seg(2)) : Optional.empty();
        if (r.size() > 3 && !(r.size() == 4 && kind.equals("quotas") && r.seg(3).startsWith("details"))) throw Req.notFound();
        return switch (kind) {
            case "networks" -> readOnly(r, "network", id, n.networks(ctx).stream().map(x -> network(r, x)).toList(),
                    "NetworkNotFound", "Network %s could not be found.");
            case "subnets" -> readOnly(r, "subnet", id, n.subnets(ctx).stream().map(NeutronApi::subnet).toList(),
                    "SubnetNotFound", "Subnet %s could not be found.");
            case "ports" -> readOnly(r, "port", id, n.ports(ctx).stream().map(x -> port(ctx, x)).toList(),
                    "PortNotFound", "Port %s could not be found.");
            case "routers" -> readOnly(r, "router", id, n.routers(ctx).stream().map(x -> router(ctx, x)).toList(),
                    "RouterNotFound", "Router %s could not be found.");
            case "extensions" -> {
                only(r, "GET");
                if (id.isPresent()) throw new CloudError(404, "ExtensionNotFound", "Extension with alias " + id.get() + " does not exist");
                yield ApiResponse.json(200, Js.obj("extensions", List.of()));
            }
            case "security-groups" -> securityGroups(r, ctx, id);
            case "security-group-rules" -> rules(r, ctx, id);
            case "floatingips" -> floatingIps(r, ctx, id);
            case "quotas" -> quotas(r, ctx, id);
            default -> throw Req.notFound();
        };
    }

    /** GET list (filtered, projected) or GET one of a resource this lab only reads. */
    private static ApiResponse readOnly(Req r, String singular, Optional<String> id, List<Map<String, Object>> all,
                                        String notFoundType, String notFoundText) {
        only(r, "GET");
        if (id.isPresent()) return show(r, singular, id.get(), all, notFoundType, notFoundText);
        return list(r, singular + "s", all);
    }

    private static ApiResponse show(Req r, String singular, String id, List<Map<String, Object>> all, String type, String text) {
        for (Map<String, Object> o : all) {
            if (id.equals(o.get("id"))) return ApiResponse.json(200, Js.obj(singular, project(r, o)));
        }
        throw new CloudError(404, type, String.format(text, id));
    }

    private static ApiResponse list(Req r, String plural, List<Map<String, Object>> all) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> o : all) if (matches(r, o)) out.add(project(r, o));
        return ApiResponse.json(200, Js.obj(plural, out));
    }

    private static boolean matches(Req r, Map<String, Object> o) {
        for (var e : r.query.entrySet()) {
            if (NOT_FILTERS.contains(e.getKey())) continue;
            if (!o.containsKey(e.getKey())) continue;
            Object v = o.get(e.getKey());
            boolean any = false;
            for (String want : e.getValue()) {
                if (v instanceof List<?> l ? l.stream().anyMatch(x -> String.valueOf(x).equals(want)) : String.valueOf(v).equalsIgnoreCase(want)) {
                    any = true;
                }
            }
            if (!any) return false;
        }
        return true;
    }

    private static Map<String, Object> project(Req r, Map<String, Object> o) {
        List<String> fields = r.params("fields");
        if (fields.isEmpty()) return o;
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String f : fields) if (o.containsKey(f)) out.put(f, o.get(f));
        return out;
    }

    // ----- shapes -----

    static Map<String, Object> network(Req r, Network x) {
        return Js.obj("id", x.id(), "name", x.name(), "status", "ACTIVE", "admin_state_up", true, "shared", x.shared(),
                "router:external", x.external(), "subnets", x.subnetIds(), "mtu", x.mtu(), "port_security_enabled", true,
                "availability_zones", List.of("nova"), "availability_zone_hints", List.of(), "ipv4_address_scope", null,
                "ipv6_address_scope", null, "project_id", x.projectId(), "tenant_id", x.projectId(), "description", "",
                "tags", List.of(), "created_at", x.createdAt(), "updated_at", x.updatedAt(), "revision_number", x.revision(),
                "is_default", false, "qos_policy_id", null);
    }

    static Map<String, Object> subnet(Subnet s) {
        return Js.obj("id", s.id(), "name", s.name(), "network_id", s.networkId(), "project_id", s.projectId(),
                "tenant_id", s.projectId(), "cidr", s.cidr(), "gateway_ip", s.gatewayIp(), "ip_version", 4,
                "allocation_pools", List.of(Js.obj("start", s.poolStart(), "end", s.poolEnd())), "dns_nameservers", s.dnsNameservers(),
                "host_routes", List.of(), "enable_dhcp", s.enableDhcp(), "ipv6_address_mode", null, "ipv6_ra_mode", null,
                "subnetpool_id", null, "service_types", List.of(), "description", "", "tags", List.of(),
                "created_at", s.createdAt(), "updated_at", s.createdAt(), "revision_number", 0);
    }

    static Map<String, Object> port(RequestContext ctx, Port p) {
        List<Object> ips = new ArrayList<>();
        p.fixedIps().forEach(f -> ips.add(Js.obj("subnet_id", f.subnetId(), "ip_address", f.ipAddress())));
        Map<String, Object> o = Js.obj("id", p.id(), "name", p.name(), "network_id", p.networkId(), "mac_address", p.macAddress(),
                "fixed_ips", ips, "device_id", p.deviceId(), "device_owner", p.deviceOwner(), "status", p.status(),
                "admin_state_up", true, "security_groups", p.securityGroupIds());
        if (ctx.isAdmin()) {
            o.put("binding:host_id", p.bindingHostId());
            o.put("binding:vif_type", p.bindingHostId().isEmpty() ? "unbound" : "ovs");
            o.put("binding:vnic_type", "normal");
        }
        o.putAll(Js.obj("port_security_enabled", true, "allowed_address_pairs", List.of(), "extra_dhcp_opts", List.of(),
                "project_id", p.projectId(), "tenant_id", p.projectId(), "description", "", "tags", List.of(),
                "revision_number", p.revision(), "created_at", p.createdAt(), "updated_at", p.updatedAt(), "dns_name", "",
                "dns_assignment", List.of(), "ip_allocation", "immediate"));
        return o;
    }

    static Map<String, Object> router(RequestContext ctx, Router x) {
        Object gw = x.externalNetworkId().isPresent() ? Js.obj("network_id", x.externalNetworkId().get(), "enable_snat", true,
                "external_fixed_ips", List.of(Js.obj("ip_address", x.externalIp()))) : null;
        Map<String, Object> o = Js.obj("id", x.id(), "name", x.name(), "project_id", x.projectId(), "tenant_id", x.projectId(),
                "status", "ACTIVE", "admin_state_up", true, "external_gateway_info", gw, "routes", List.of(), "description", "",
                "tags", List.of(), "availability_zones", List.of("nova"), "availability_zone_hints", List.of());
        if (ctx.isAdmin()) {
            o.put("distributed", false); // admin-only attributes, as Neutron's policy has them
            o.put("ha", false);
        }
        return o;
    }

    static Map<String, Object> group(Neutron n, SecurityGroup g) {
        List<Object> rules = new ArrayList<>();
        for (SecurityGroupRule x : n.rulesOf(g.id())) rules.add(rule(x));
        return Js.obj("id", g.id(), "name", g.name(), "description", g.description(), "project_id", g.projectId(),
                "tenant_id", g.projectId(), "stateful", g.stateful(), "shared", false, "tags", List.of(),
                "revision_number", g.revision(), "created_at", g.createdAt(), "updated_at", g.updatedAt(),
                "security_group_rules", rules);
    }

    static Map<String, Object> rule(SecurityGroupRule x) {
        return Js.obj("id", x.id(), "security_group_id", x.securityGroupId(), "direction", x.direction(), "ethertype", x.ethertype(),
                "protocol", Js.opt(x.protocol()), "port_range_min", Js.opt(x.portRangeMin()), "port_range_max", Js.opt(x.portRangeMax()),
                "remote_ip_prefix", Js.opt(x.remoteIpPrefix()), "remote_group_id", Js.opt(x.remoteGroupId()),
                "normalized_cidr", Js.opt(x.remoteIpPrefix()), "remote_address_group_id", null,
                "description", x.description(), "project_id", x.projectId(), "tenant_id", x.projectId(), "revision_number", 0,
                "tags", List.of(), "created_at", x.createdAt(), "updated_at", x.createdAt());
    }

    static Map<String, Object> floatingIp(Neutron n, FloatingIp f) {
        Object details = null;
        if (f.portId().isPresent()) {
            Optional<Port> p = n.port(f.portId().get());
            if (p.isPresent()) {
                details = Js.obj("name", p.get().name(), "network_id", p.get().networkId(), "mac_address", p.get().macAddress(),
                        "admin_state_up", true, "status", p.get().status(), "device_id", p.get().deviceId(),
                        "device_owner", p.get().deviceOwner());
            }
        }
        return Js.obj("id", f.id(), "floating_ip_address", f.address(), "floating_network_id", f.floatingNetworkId(),
                "fixed_ip_address", Js.opt(f.fixedIpAddress()), "port_id", Js.opt(f.portId()), "router_id", Js.opt(f.routerId()),
                "status", f.status(), "project_id", f.projectId(), "tenant_id", f.projectId(), "description", f.description(),
                "dns_domain", "", "dns_name", "", "port_details", details, "port_forwardings", List.of(), "qos_policy_id", null,
                "tags", List.of(), "revision_number", f.revision(), "created_at", f.createdAt(), "updated_at", f.updatedAt());
    }

    // ----- writable resources -----

    private static JsonNode member(Req r, String key) {
        JsonNode b = r.json().get(key);
        if (b == null || !b.isObject()) throw CloudError.badRequest("Resource body required");
        return b;
    }

    private static ApiResponse securityGroups(Req r, RequestContext ctx, Optional<String> id) {
        Neutron n = r.cloud().neutron();
        if (id.isEmpty()) {
            only(r, "GET", "POST");
            if (r.method().equals("POST")) {
                JsonNode b = member(r, "security_group");
                String name = Js.text(b, "name").orElse("");
                if (name.equals("default")) throw new CloudError(409, "SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
                SecurityGroup g = n.createSecurityGroup(ctx, name, Js.text(b, "description").orElse(""));
                return ApiResponse.json(201, Js.obj("security_group", group(n, g)));
            }
            return list(r, "security_groups", n.securityGroups(ctx).stream().map(g -> group(n, g)).toList());
        }
        only(r, "GET", "DELETE");
        SecurityGroup g = n.securityGroup(id.get()).filter(x -> ctx.isAdmin() || x.projectId().equals(ctx.projectId()))
                .orElseThrow(() -> new CloudError(404, "SecurityGroupNotFound", "Security group " + id.get() + " does not exist"));
        if (r.method().equals("DELETE")) {
            n.deleteSecurityGroup(ctx, g.id());
            return ApiResponse.empty(204);
        }
        return ApiResponse.json(200, Js.obj("security_group", project(r, group(n, g))));
    }

    private static ApiResponse rules(Req r, RequestContext ctx, Optional<String> id) {
        Neutron n = r.cloud().neutron();
        if (id.isEmpty()) {
            only(r, "GET", "POST");
            if (r.method().equals("POST")) {
                JsonNode b = member(r, "security_group_rule");
                String sg = Js.text(b, "security_group_id").orElseThrow(() -> CloudError.badRequest(
                        "Failed to parse request. Required attribute 'security_group_id' not specified"));
                String dir = Js.text(b, "direction").orElseThrow(() -> CloudError.badRequest(
                        "Failed to parse request. Required attribute 'direction' not specified"));
                OptionalInt min = Js.integer(b, "port_range_min", "neutron");
                OptionalInt max = Js.integer(b, "port_range_max", "neutron");
                SecurityGroupRule x = n.createRule(ctx, new Neutron.RuleRequest(sg, dir, Js.text(b, "ethertype").orElse("IPv4"),
                        Js.text(b, "protocol"), min, max, Js.text(b, "remote_ip_prefix"), Js.text(b, "remote_group_id"),
                        Js.text(b, "description").orElse("")));
                return ApiResponse.json(201, Js.obj("security_group_rule", rule(x)));
            }
            return list(r, "security_group_rules", n.rules(ctx).stream().map(NeutronApi::rule).toList());
        }
        only(r, "GET", "DELETE");
        if (r.method().equals("DELETE")) {
            n.deleteRule(ctx, id.get());
            return ApiResponse.empty(204);
        }
        SecurityGroupRule x = n.rule(id.get()).filter(y -> ctx.isAdmin() || y.projectId().equals(ctx.projectId()))
                .orElseThrow(() -> new CloudError(404, "SecurityGroupRuleNotFound", "Security group rule " + id.get() + " does not exist"));
        return ApiResponse.json(200, Js.obj("security_group_rule", project(r, rule(x))));
    }

    private static ApiResponse floatingIps(Req r, RequestContext ctx, Optional<String> id) {
        Neutron n = r.cloud().neutron();
        if (id.isEmpty()) {
            only(r, "GET", "POST");
            if (r.method().equals("POST")) {
                JsonNode b = member(r, "floatingip");
                String net = Js.text(b, "floating_network_id").orElseThrow(() -> CloudError.badRequest(
                        "Failed to parse request. Required attribute 'floating_network_id' not specified"));
                if (n.network(net).isEmpty()) throw new CloudError(404, "NetworkNotFound", "Network " + net + " could not be found.");
                FloatingIp f = n.createFloatingIp(ctx, net, Js.text(b, "floating_ip_address"), Js.text(b, "description").orElse(""));
                Optional<String> port = Js.text(b, "port_id");
                if (port.isPresent()) f = n.associate(ctx, f.id(), port.get(), Js.text(b, "fixed_ip_address"));
                return ApiResponse.json(201, Js.obj("floatingip", floatingIp(n, f)));
            }
            return list(r, "floatingips", n.floatingIps(ctx).stream().map(f -> floatingIp(n, f)).toList());
        }
        only(r, "GET", "PUT", "DELETE");
        FloatingIp f = n.floatingIps(ctx).stream().filter(x -> x.id().equals(id.get())).findFirst()
                .orElseThrow(() -> new CloudError(404, "FloatingIPNotFound", "Floating IP " + id.get() + " could not be found"));
        switch (r.method()) {
            case "DELETE" -> {
                n.deleteFloatingIp(ctx, f.id());
                return ApiResponse.empty(204);
            }
            case "PUT" -> {
                JsonNode b = member(r, "floatingip");
                if (b.has("port_id")) {
                    Optional<String> port = Js.text(b, "port_id");
                    f = port.isPresent() ? n.associate(ctx, f.id(), port.get(), Js.text(b, "fixed_ip_address")) : n.disassociate(ctx, f.id());
                }
                return ApiResponse.json(200, Js.obj("floatingip", floatingIp(n, f)));
            }
            default -> {
                return ApiResponse.json(200, Js.obj("floatingip", project(r, floatingIp(n, f))));
            }
        }
    }

    /** {@code GET /v2.0/quotas/<project>[/details]}: Neutron's default quotas (and usage, for details). */
    private static ApiResponse quotas(Req r, RequestContext ctx, Optional<String> id) {
        only(r, "GET");
        if (id.isEmpty()) return ApiResponse.json(200, Js.obj("quotas", List.of()));
        String project = id.get().replace(".json", "");
        if (!ctx.isAdmin() && !project.equals(ctx.projectId())) {
            throw new CloudError(403, "PolicyNotAuthorized", "rule:get_quota is disallowed by policy");
        }
        boolean details = r.size() == 4;
        Neutron n = r.cloud().neutron();
        Map<String, Object> q = new java.util.LinkedHashMap<>();
        Object[][] rows = {
            {"network", 100, n.networks(ctx).stream().filter(x -> x.projectId().equals(project)).count()},
            {"subnet", 100, n.subnets(ctx).stream().filter(x -> x.projectId().equals(project)).count()},
            {"port", 500, n.ports(ctx).stream().filter(x -> x.projectId().equals(project)).count()},
            {"router", 10, n.routers(ctx).stream().filter(x -> x.projectId().equals(project)).count()},
            {"floatingip", 50, n.floatingIps(ctx).stream().filter(x -> x.projectId().equals(project)).count()},
            {"security_group", 10, n.securityGroups(ctx).stream().filter(x -> x.projectId().equals(project)).count()},
            {"security_group_rule", 100, n.rules(ctx).stream().filter(x -> x.projectId().equals(project)).count()},
            {"rbac_policy", 10, 0L},
            {"subnetpool", -1, 0L},
        };
        for (Object[] row : rows) {
            q.put((String) row[0], details ? Js.obj("limit", row[1], "used", ((Long) row[2]).intValue(), "reserved", 0) : row[1]);
        }
        return ApiResponse.json(200, Js.obj("quota", q));
    }
}
