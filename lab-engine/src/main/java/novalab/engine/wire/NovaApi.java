package novalab.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import novalab.engine.api.ComputeApi;
import novalab.engine.api.ServerAction;
import novalab.engine.api.ServerCreate;
import novalab.engine.api.ServerView;
import novalab.engine.common.CloudError;
import novalab.engine.common.SimClock;
import novalab.engine.compute.Flavor;
import novalab.engine.db.Aggregate;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.db.KeyPair;
import novalab.engine.identity.RequestContext;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Port;

/**
 * Nova's v2.1 API under {@code /compute}: discovery, microversions (2.1 to 2.93, echoed on every answer),
 * flavors, keypairs, servers and their actions, and the admin views, in the shapes of the microversion
 * asked for. Every call goes through {@link ComputeApi}, as the lab's own {@code openstack} does.
 */
final class NovaApi {
    static final int MAX_MINOR = 93;
    /** OSC's {@code --wait} polls every 5 s: a look at a server that is still changing lets that much simulated time pass. */
    static final long POLL_STEP_MS = 5_000L;

    private NovaApi() {}

    /** The microversion's minor number (2.x), or a 406. */
    static int microversion(Req r) {
        String v = "";
        String both = r.call.header("openstack-api-version");
        for (String part : both.split(",")) {
            String[] w = part.trim().split("\\s+");
            if (w.length == 2 && w[0].equalsIgnoreCase("compute")) v = w[1];
        }
        if (v.isEmpty()) v = r.call.header("x-openstack-nova-api-version").trim();
        if (v.isEmpty()) return 1;
        if (v.equalsIgnoreCase("latest")) return MAX_MINOR;
        if (!v.matches("\\d+\\.\\d+")) {
            throw new CloudError(400, "badRequest", "API Version String " + v + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        String[] p = v.split("\\.");
        int major = Integer.parseInt(p[0]);
        int minor = p[1].length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(p[1]);
        if (major != 2 || minor < 1 || minor > MAX_MINOR) {
            throw new CloudError(406, "notAcceptable", "Version " + v + " is not supported by the API. Minimum is 2.1 and maximum is 2."
                    + MAX_MINOR + ".");
        }
        return minor;
    }

    static ApiResponse handle(Req r) {
        int mv = 1;
        ApiResponse resp;
        try {
            mv = microversion(r);
            resp = route(r, mv);
        } catch (Req.BadJson e) {
            resp = error(400, "Malformed request body");
        } catch (Req.NoRoute e) {
            resp = e.status == 405 ? error(405, "The method is not allowed for the requested URL.") : error(404, "The resource could not be found.");
        } catch (CloudError e) {
            if (e.status() == 401) resp = KeystoneApi.unauthorizedResponse(r);
            else if (e.status() == 0) resp = error(503, "nova-api is not running.");
            else resp = error(e.status(), e.getMessage());
        }
        String v = "2." + mv;
        String rid = OpenStackWire.requestId(r);
        return resp.withHeader("OpenStack-API-Version", "compute " + v).withHeader("X-OpenStack-Nova-API-Version", v)
                .withHeader("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version")
                .withHeader("X-Compute-Request-Id", rid).withHeader("X-OpenStack-Request-Id", rid);
    }

    static String faultName(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }

    /** Nova's error body {@code {"<faultName>": {"code", "message"}}}. */
    static ApiResponse error(int status, String message) {
        return ApiResponse.json(status, Js.obj(faultName(status), Js.obj("code", status, "message", message)));
    }

    private static String endpoint(Req r) { return r.base + "/compute/v2.1"; }

    private static List<Object> links(Req r, String kind, String id) {
        return Js.links(endpoint(r) + "/" + kind + "/" + id, r.base + "/compute/" + kind + "/" + id);
    }

    private static Map<String, Object> v21(Req r) {
        return Js.obj("id", "v2.1", "status", "CURRENT", "version", "2." + MAX_MINOR, "min_version", "2.1",
                "updated", "2013-07-23T11:33:21Z");
    }

    private static ApiResponse route(Req r, int mv) {
        String m = r.method();
        boolean read = m.equals("GET") || m.equals("HEAD");
        if (r.size() == 0) {
            if (!read) throw Req.badMethod();
            Map<String, Object> v2 = Js.obj("id", "v2.0", "status", "SUPPORTED", "version", "", "min_version", "",
                    "updated", "2011-01-21T11:33:21Z", "links", List.of(Js.obj("rel", "self", "href", r.base + "/compute/v2/")));
            Map<String, Object> v = v21(r);
            v.put("links", List.of(Js.obj("rel", "self", "href", endpoint(r) + "/")));
            return ApiResponse.json(200, Js.obj("versions", List.of(v2, v)));
        }
        if (!r.seg(0).equals("v2.1")) throw Req.notFound();
        int from = 1;
        // Catalogs of older guides put the project id after the version: /v2.1/<project_id>/servers.
        if (r.size() > 1 && r.seg(1).matches("[0-9a-f]{32}")) from = 2;
        List<String> s = r.seg.subList(from, r.size());
        if (s.isEmpty()) {
            if (!read) throw Req.badMethod();
            Map<String, Object> v = v21(r);
            v.put("links", List.of(Js.obj("rel", "self", "href", endpoint(r) + "/"),
                    Js.obj("rel", "describedby", "type", "text/html", "href", "http://docs.openstack.org/")));
            v.put("media-types", List.of(Js.obj("base", "application/json", "type", "application/vnd.openstack.compute+json;version=2.1")));
            return ApiResponse.json(200, Js.obj("version", v));
        }
        ComputeApi api = r.cloud().compute();
        RequestContext ctx = api.context(r.token());
        return switch (s.get(0)) {
            case "flavors" -> flavors(r, mv, s);
            case "os-keypairs" -> keypairs(r, mv, s);
            case "servers" -> servers(r, mv, s, ctx);
            case "os-hypervisors" -> hypervisors(r, mv, s);
            case "os-services" -> services(r, mv, s);
            case "os-availability-zone" -> zones(r, s);
            case "os-aggregates" -> aggregates(r, mv, s);
            case "limits" -> limits(r, s);
            case "os-quota-sets" -> quotaSets(r, mv, s, ctx);
            default -> throw Req.notFound();
        };
    }

    private static void only(Req r, String... methods) {
        for (String m : methods) {
            if (r.method().equals(m) || (m.equals("GET") && r.method().equals("HEAD"))) return;
        }
        throw Req.badMethod();
    }

    // ----- flavors -----

    static Map<String, Object> flavor(Req r, Flavor f, int mv) {
        Map<String, Object> o = Js.obj("id", f.id(), "name", f.name(), "ram", f.ramMb(), "disk", f.diskGb(), "vcpus", f.vcpus(),
                "swap", mv >= 75 ? (Object) f.swapMb() : (f.swapMb() == 0 ? "" : (Object) f.swapMb()),
                "OS-FLV-EXT-DATA:ephemeral", f.ephemeralGb(), "OS-FLV-DISABLED:disabled", f.disabled(),
                "os-flavor-access:is_public", f.isPublic(), "rxtx_factor", f.rxtxFactor(), "links", links(r, "flavors", f.id()));
        if (mv >= 55) o.put("description", f.description().isEmpty() ? null : f.description());
        if (mv >= 61) o.put("extra_specs", f.extraSpecs());
        return o;
    }

    private static ApiResponse flavors(Req r, int mv, List<String> s) {
        ComputeApi api = r.cloud().compute();
        String t = r.token();
        if (s.size() == 1) {
            only(r, "GET", "POST");
            if (r.method().equals("POST")) return createFlavor(r, mv);
            List<Object> out = new ArrayList<>();
            for (Flavor f : listFlavors(r)) out.add(Js.obj("id", f.id(), "name", f.name(), "links", links(r, "flavors", f.id())));
            return ApiResponse.json(200, Js.obj("flavors", out));
        }
        if (s.size() == 2 && s.get(1).equals("detail")) {
            only(r, "GET");
            List<Object> out = new ArrayList<>();
            for (Flavor f : listFlavors(r)) out.add(flavor(r, f, mv));
            return ApiResponse.json(200, Js.obj("flavors", out));
        }
        String id = s.get(1);
        if (s.size() == 2) {
            only(r, "GET", "DELETE");
            if (r.method().equals("DELETE")) {
                api.deleteFlavor(t, id);
                return ApiResponse.empty(202);
            }
            return ApiResponse.json(200, Js.obj("flavor", flavor(r, api.flavor(t, id), mv)));
        }
        if (s.get(2).equals("os-extra_specs")) {
            if (s.size() == 3) {
                only(r, "GET", "POST");
                if (r.method().equals("POST")) {
                    JsonNode specs = r.json().get("extra_specs");
                    if (specs == null || !specs.isObject()) throw CloudError.badRequest("Invalid input for field/attribute extra_specs.");
                    Map<String, String> m = new LinkedHashMap<>();
                    specs.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
                    api.setFlavorExtraSpecs(t, id, m);
                    return ApiResponse.json(200, Js.obj("extra_specs", m));
                }
                return ApiResponse.json(200, Js.obj("extra_specs", api.flavor(t, id).extraSpecs()));
            }
            if (s.size() == 4) {
                only(r, "GET", "DELETE");
                String key = s.get(3);
                if (r.method().equals("DELETE")) {
                    api.unsetFlavorExtraSpec(t, id, key);
                    return ApiResponse.empty(200);
                }
                Flavor f = api.flavor(t, id);
                if (!f.extraSpecs().containsKey(key)) throw CloudError.notFound("Flavor " + id + " has no extra specs with key " + key + ".");
                return ApiResponse.json(200, Js.obj(key, f.extraSpecs().get(key)));
            }
        }
        if (s.size() == 3 && s.get(2).equals("os-flavor-access")) {
            only(r, "GET");
            List<Object> out = new ArrayList<>();
            for (String p : api.flavorAccess(t, id)) out.add(Js.obj("flavor_id", id, "tenant_id", p));
            return ApiResponse.json(200, Js.obj("flavor_access", out));
        }
        if (s.size() == 3 && s.get(2).equals("action")) {
            only(r, "POST");
            JsonNode add = r.json().get("addTenantAccess");
            if (add == null) throw CloudError.badRequest("There is no such action: " + firstKey(r.json()));
            api.addFlavorAccess(t, id, add.path("tenant").asText(""));
            List<Object> out = new ArrayList<>();
            for (String p : api.flavorAccess(t, id)) out.add(Js.obj("flavor_id", id, "tenant_id", p));
            return ApiResponse.json(200, Js.obj("flavor_access", out));
        }
        throw Req.notFound();
    }

    private static List<Flavor> listFlavors(Req r) {
        Optional<Boolean> isPublic = Optional.of(true);
        Optional<String> q = r.param("is_public");
        if (q.isPresent()) {
            String v = q.get().toLowerCase(java.util.Locale.ROOT);
            isPublic = v.equals("none") ? Optional.empty() : Optional.of(v.equals("true") || v.equals("1") || v.equals("yes"));
        }
        List<Flavor> all = r.cloud().compute().flavors(r.token(), isPublic);
        int minRam = intParam(r, "minRam");
        int minDisk = intParam(r, "minDisk");
        return all.stream().filter(f -> f.ramMb() >= minRam && f.diskGb() >= minDisk).toList();
    }

    private static int intParam(Req r, String name) {
        String v = r.param(name).orElse("0");
        if (!v.matches("\\d{1,9}")) throw CloudError.badRequest("Invalid input for query parameters " + name + ". Value: " + v + ".");
        return Integer.parseInt(v);
    }

    private static ApiResponse createFlavor(Req r, int mv) {
        JsonNode f = r.json().get("flavor");
        if (f == null || !f.isObject()) throw CloudError.badRequest("Invalid input for field/attribute flavor.");
        for (String req : List.of("name", "ram", "vcpus", "disk")) {
            if (!f.has(req)) throw CloudError.badRequest("Invalid input for field/attribute flavor. Value: " + f + ". '" + req + "' is a required property");
        }
        Optional<String> id = Js.text(f, "id");
        double rxtx = f.path("rxtx_factor").isNumber() ? f.get("rxtx_factor").asDouble() : 1.0;
        boolean isPublic = !f.has("os-flavor-access:is_public") || f.get("os-flavor-access:is_public").asBoolean(true);
        Flavor created = r.cloud().compute().createFlavor(r.token(), new ComputeApi.FlavorCreate(Js.text(f, "name").orElse(""), id,
                Js.integer(f, "ram", "nova").orElse(0), Js.integer(f, "vcpus", "nova").orElse(0), Js.integer(f, "disk", "nova").orElse(0),
                Js.integer(f, "OS-FLV-EXT-DATA:ephemeral", "nova").orElse(0), Js.integer(f, "swap", "nova").orElse(0), rxtx, isPublic,
                Js.text(f, "description").orElse("")));
        return ApiResponse.json(200, Js.obj("flavor", flavor(r, created, mv)));
    }

    // ----- keypairs -----

    private static ApiResponse keypairs(Req r, int mv, List<String> s) {
        ComputeApi api = r.cloud().compute();
        String t = r.token();
        if (s.size() == 1) {
            only(r, "GET", "POST");
            if (r.method().equals("POST")) {
                JsonNode k = r.json().get("keypair");
                if (k == null || !k.isObject()) throw CloudError.badRequest("Invalid input for field/attribute keypair.");
                if (!k.has("name")) throw CloudError.badRequest("Invalid input for field/attribute keypair. Value: " + k + ". 'name' is a required property");
                ComputeApi.CreatedKeyPair c = api.createKeyPair(t, Js.text(k, "name").orElse(""), Js.text(k, "public_key"),
                        Js.text(k, "type").orElse("ssh"));
                KeyPair kp = c.keyPair();
                Map<String, Object> o = Js.obj("name", kp.name());
                if (mv >= 2) o.put("type", kp.type());
                if (mv >= 10) o.put("user_id", kp.userId());
                o.put("fingerprint", kp.fingerprint());
                o.put("public_key", kp.publicKey());
                c.privateKey().ifPresent(p -> o.put("private_key", p));
                return ApiResponse.json(mv >= 2 ? 201 : 200, Js.obj("keypair", o));
            }
            List<Object> out = new ArrayList<>();
            for (KeyPair kp : api.keyPairs(t)) {
                Map<String, Object> o = Js.obj("name", kp.name(), "public_key", kp.publicKey(), "fingerprint", kp.fingerprint());
                if (mv >= 2) o.put("type", kp.type());
                out.add(Js.obj("keypair", o));
            }
            return ApiResponse.json(200, Js.obj("keypairs", out));
        }
        if (s.size() == 2) {
            only(r, "GET", "DELETE");
            if (r.method().equals("DELETE")) {
                api.deleteKeyPair(t, s.get(1));
                return ApiResponse.empty(mv >= 2 ? 204 : 202);
            }
            KeyPair kp = api.keyPair(t, s.get(1));
            return ApiResponse.json(200, Js.obj("keypair", Js.obj("name", kp.name(), "public_key", kp.publicKey(),
                    "fingerprint", kp.fingerprint(), "type", kp.type(), "user_id", kp.userId(), "created_at", kp.createdAt(),
                    "updated_at", null, "deleted", false, "deleted_at", null, "id", kp.id())));
        }
        throw Req.notFound();
    }

    // ----- servers -----

    static Map<String, Object> server(Req r, ServerView v, int mv) {
        Map<String, Object> o = Js.obj("id", v.id(), "name", v.name(), "status", v.status(), "tenant_id", v.tenantId(),
                "user_id", v.userId(), "metadata", v.metadata(), "hostId", v.hostId());
        o.put("image", v.imageId().isEmpty() ? "" : Js.obj("id", v.imageId(),
                "links", List.of(Js.obj("rel", "bookmark", "href", r.base + "/compute/images/" + v.imageId()))));
        if (mv >= 47) {
            Optional<Flavor> f = Optional.ofNullable(r.cloud().db().api.flavors.get(v.flavorId()));
            o.put("flavor", Js.obj("vcpus", f.map(Flavor::vcpus).orElse(0), "ram", f.map(Flavor::ramMb).orElse(0),
                    "disk", f.map(Flavor::diskGb).orElse(0), "ephemeral", f.map(Flavor::ephemeralGb).orElse(0),
                    "swap", f.map(Flavor::swapMb).orElse(0), "original_name", v.flavorName(),
                    "extra_specs", f.map(Flavor::extraSpecs).orElse(Map.of())));
        } else {
            o.put("flavor", Js.obj("id", v.flavorId(),
                    "links", List.of(Js.obj("rel", "bookmark", "href", r.base + "/compute/flavors/" + v.flavorId()))));
        }
        o.put("created", v.created());
        o.put("updated", v.updated());
        Map<String, Object> addresses = new LinkedHashMap<>();
        v.addresses().forEach((net, list) -> {
            List<Object> a = new ArrayList<>();
            for (ServerView.Address x : list) {
                a.add(Js.obj("version", 4, "addr", x.addr(), "OS-EXT-IPS:type", x.type(), "OS-EXT-IPS-MAC:mac_addr", x.mac()));
            }
            addresses.put(net, a);
        });
        o.put("addresses", addresses);
        o.put("accessIPv4", "");
        o.put("accessIPv6", "");
        o.put("links", links(r, "servers", v.id()));
        o.put("OS-DCF:diskConfig", "MANUAL");
        v.progress().ifPresent(p -> o.put("progress", p));
        v.fault().ifPresent(f -> o.put("fault", Js.obj("code", f.code(), "created", f.created(), "message", f.message())));
        o.put("OS-EXT-AZ:availability_zone", v.availabilityZone());
        o.put("config_drive", "");
        o.put("key_name", v.keyName().isEmpty() ? null : v.keyName());
        o.put("OS-SRV-USG:launched_at", Js.opt(v.launchedAt()));
        o.put("OS-SRV-USG:terminated_at", Js.opt(v.terminatedAt()));
        if (v.hasPorts()) {
            List<Object> groups = new ArrayList<>();
            for (String g : v.securityGroups()) groups.add(Js.obj("name", g));
            o.put("security_groups", groups);
        }
        if (v.adminView()) {
            o.put("OS-EXT-SRV-ATTR:host", Js.opt(v.host()));
            o.put("OS-EXT-SRV-ATTR:instance_name", v.instanceName().orElse(""));
            o.put("OS-EXT-SRV-ATTR:hypervisor_hostname", Js.opt(v.hypervisorHostname()));
            if (mv >= 3) {
                o.put("OS-EXT-SRV-ATTR:reservation_id", "");
                o.put("OS-EXT-SRV-ATTR:launch_index", 0);
                o.put("OS-EXT-SRV-ATTR:hostname", v.name());
                o.put("OS-EXT-SRV-ATTR:kernel_id", "");
                o.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
                o.put("OS-EXT-SRV-ATTR:root_device_name", v.host().isPresent() ? "/dev/vda" : null);
                o.put("OS-EXT-SRV-ATTR:user_data", null);
            }
        }
        o.put("OS-EXT-STS:task_state", Js.opt(v.taskState()));
        o.put("OS-EXT-STS:vm_state", v.vmState());
        o.put("OS-EXT-STS:power_state", v.powerState());
        o.put("os-extended-volumes:volumes_attached", List.of());
        if (mv >= 9) o.put("locked", v.locked());
        if (mv >= 16 && v.adminView()) o.put("host_status", v.host().isPresent() ? "UP" : "");
        if (mv >= 19) o.put("description", null);
        if (mv >= 26) o.put("tags", List.of());
        if (mv >= 63) o.put("trusted_image_certificates", null);
        if (mv >= 73) o.put("locked_reason", null);
        return o;
    }

    private static ApiResponse servers(Req r, int mv, List<String> s, RequestContext ctx) {
        ComputeApi api = r.cloud().compute();
        String t = r.token();
        if (s.size() == 1 || (s.size() == 2 && s.get(1).equals("detail"))) {
            boolean detail = s.size() == 2;
            if (detail) only(r, "GET");
            else only(r, "GET", "POST");
            if (r.method().equals("POST")) return createServer(r);
            String allTenants = r.param("all_tenants").orElse("0").toLowerCase(java.util.Locale.ROOT);
            boolean all = r.param("all_tenants").isPresent() && !allTenants.equals("0") && !allTenants.equals("false");
            List<ServerView> views = api.servers(t, new ComputeApi.ServerFilter(r.param("name"), r.param("status"), r.param("host"), all));
            List<Object> out = new ArrayList<>();
            for (ServerView v : views) {
                out.add(detail ? server(r, v, mv) : Js.obj("id", v.id(), "name", v.name(), "links", links(r, "servers", v.id())));
            }
            return ApiResponse.json(200, Js.obj("servers", out));
        }
        String id = s.get(1);
        if (s.size() == 2) {
            only(r, "GET", "DELETE");
            if (r.method().equals("DELETE")) {
                api.deleteServer(t, id);
                return ApiResponse.empty(204);
            }
            ServerView v = api.server(t, id);
            ApiResponse resp = ApiResponse.json(200, Js.obj("server", server(r, v, mv)));
            if (v.status().equals("BUILD") || v.taskState().isPresent()) r.cloud().advanceBy(POLL_STEP_MS);
            return resp;
        }
        if (s.size() == 3 && s.get(2).equals("action")) {
            only(r, "POST");
            return action(r, id, ctx);
        }
        if (s.size() == 3 && s.get(2).equals("os-instance-actions")) {
            only(r, "GET");
            List<Object> out = new ArrayList<>();
            List<novalab.engine.compute.Instance.Action> actions = new ArrayList<>(api.serverActions(t, id));
            java.util.Collections.reverse(actions);
            String uuid = api.server(t, id).id();
            for (var a : actions) {
                out.add(Js.obj("action", a.action(), "instance_uuid", uuid, "message", Js.opt(a.message()), "project_id", a.projectId(),
                        "request_id", a.requestId(), "start_time", a.startTime(), "user_id", a.userId()));
            }
            return ApiResponse.json(200, Js.obj("instanceActions", out));
        }
        if (s.size() == 3 && s.get(2).equals("metadata")) {
            only(r, "GET");
            return ApiResponse.json(200, Js.obj("metadata", api.server(t, id).metadata()));
        }
        throw Req.notFound();
    }

    private static String lastSegment(String ref) {
        String x = ref.replaceAll("/+$", "");
        int i = x.lastIndexOf('/');
        return i < 0 ? x : x.substring(i + 1);
    }

    private static ApiResponse createServer(Req r) {
        JsonNode body = r.json();
        JsonNode sv = body.get("server");
        if (sv == null || !sv.isObject()) throw CloudError.badRequest("Invalid input for field/attribute server.");
        if (!sv.has("name")) throw CloudError.badRequest("Invalid input for field/attribute server. Value: " + sv + ". 'name' is a required property");
        if (!sv.has("flavorRef")) throw CloudError.badRequest("Invalid input for field/attribute server. Value: " + sv + ". 'flavorRef' is a required property");
        String imageRef = Js.text(sv, "imageRef").map(NovaApi::lastSegment).orElse("");
        if (imageRef.isEmpty()) throw CloudError.badRequest("Block Device Mapping is Invalid: Boot sequence for the instance and image/block device mapping combination is not valid.");
        List<String> groups = new ArrayList<>();
        JsonNode sg = sv.get("security_groups");
        if (sg != null && sg.isArray()) sg.forEach(g -> groups.add(g.path("name").asText("")));
        List<String> nets = new ArrayList<>();
        JsonNode nw = sv.get("networks");
        if (nw != null && nw.isArray()) {
            for (JsonNode n : nw) {
                if (n.hasNonNull("port")) {
                    throw CloudError.badRequest("Booting with a pre-created port (port " + n.get("port").asText()
                            + ") is not available in this lab: pass a network uuid.");
                }
                if (n.hasNonNull("uuid")) nets.add(n.get("uuid").asText());
            }
        } else if (nw != null && nw.isTextual() && !nw.asText().equals("auto") && !nw.asText().equals("none")) {
            throw CloudError.badRequest("Invalid input for field/attribute networks. Value: " + nw.asText() + ". '" + nw.asText() + "' is not of type 'array'");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode md = sv.get("metadata");
        if (md != null && md.isObject()) md.fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        int min = Js.integer(sv, "min_count", "nova").orElse(1);
        int max = Js.integer(sv, "max_count", "nova").orElse(min);
        ServerCreate req = new ServerCreate(Js.text(sv, "name").orElse(""), lastSegment(Js.text(sv, "flavorRef").orElse("")), imageRef,
                Js.text(sv, "key_name"), groups, nets, Js.text(sv, "availability_zone"), min, max, metadata, Js.text(sv, "adminPass"));
        ComputeApi.CreatedServer c = r.cloud().compute().createServer(r.token(), req);
        List<Object> groupsOut = new ArrayList<>();
        for (String g : groups.isEmpty() ? List.of("default") : groups) groupsOut.add(Js.obj("name", g));
        Map<String, Object> out = Js.obj("id", c.id(), "links", links(r, "servers", c.id()), "OS-DCF:diskConfig", "MANUAL",
                "security_groups", groupsOut, "adminPass", c.adminPass());
        return ApiResponse.json(202, Js.obj("server", out)).withHeader("Location", endpoint(r) + "/servers/" + c.id());
    }

    private static String firstKey(JsonNode n) {
        Iterator<String> it = n.fieldNames();
        return it.hasNext() ? it.next() : "";
    }

    private static ApiResponse action(Req r, String id, RequestContext ctx) {
        JsonNode body = r.json();
        if (body.size() != 1) throw CloudError.badRequest("Malformed request body");
        String name = firstKey(body);
        JsonNode arg = body.get(name);
        ComputeApi api = r.cloud().compute();
        String t = r.token();
        ServerAction a = switch (name) {
            case "os-start" -> ServerAction.START;
            case "os-stop" -> ServerAction.STOP;
            case "reboot" -> {
                String type = arg.path("type").asText("");
                if (!type.equalsIgnoreCase("SOFT") && !type.equalsIgnoreCase("HARD")) {
                    throw CloudError.badRequest("Invalid input for field/attribute type. Value: " + type + ". '" + type + "' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']");
                }
                yield type.equalsIgnoreCase("HARD") ? ServerAction.REBOOT_HARD : ServerAction.REBOOT_SOFT;
            }
            case "shelve" -> ServerAction.SHELVE;
            case "shelveOffload" -> ServerAction.SHELVE_OFFLOAD;
            case "unshelve" -> ServerAction.UNSHELVE;
            case "lock" -> ServerAction.LOCK;
            case "unlock" -> ServerAction.UNLOCK;
            default -> null;
        };
        if (a != null) {
            api.action(t, id, a);
            return ApiResponse.empty(202);
        }
        switch (name) {
            case "os-getConsoleOutput" -> {
                OptionalInt len = arg != null && arg.isObject() ? Js.integer(arg, "length", "nova") : OptionalInt.empty();
                Optional<Integer> length = len.isPresent() && len.getAsInt() >= 0 ? Optional.of(len.getAsInt()) : Optional.empty();
                return ApiResponse.json(200, Js.obj("output", api.consoleOutput(t, id, length)));
            }
            case "addFloatingIp" -> {
                String address = arg.path("address").asText("");
                ServerView v = api.server(t, id);
                FloatingIp f = r.cloud().neutron().floatingIpByAddress(address)
                        .filter(x -> ctx.isAdmin() || x.projectId().equals(ctx.projectId()))
                        .orElseThrow(() -> CloudError.notFound("floating IP not found"));
                List<Port> ports = r.cloud().neutron().portsOfDevice(v.id());
                if (ports.isEmpty()) throw CloudError.badRequest("No nw_info cache associated with instance");
                r.cloud().neutron().associate(ctx, f.id(), ports.get(0).id(), Js.text(arg, "fixed_address"));
                return ApiResponse.empty(202);
            }
            case "removeFloatingIp" -> {
                String address = arg.path("address").asText("");
                FloatingIp f = r.cloud().neutron().floatingIpByAddress(address)
                        .filter(x -> ctx.isAdmin() || x.projectId().equals(ctx.projectId()))
                        .orElseThrow(() -> CloudError.notFound("floating IP not found"));
                r.cloud().neutron().disassociate(ctx, f.id());
                return ApiResponse.empty(202);
            }
            default -> throw CloudError.badRequest("There is no such action: " + name);
        }
    }

    // ----- admin views -----

    private static Map<String, Object> hypervisor(ComputeApi.HypervisorView h, boolean detail) {
        ComputeNodeRecord n = h.node();
        Map<String, Object> o = Js.obj("id", n.id(), "hypervisor_hostname", n.hypervisorHostname(), "state", h.state(), "status", h.status());
        if (!detail) return o;
        o.put("hypervisor_type", n.hypervisorType());
        o.put("hypervisor_version", n.hypervisorVersion());
        o.put("host_ip", n.hostIp());
        o.put("vcpus", n.vcpus());
        o.put("vcpus_used", n.vcpusUsed());
        o.put("memory_mb", n.memoryMb());
        o.put("memory_mb_used", n.memoryMbUsed());
        o.put("free_ram_mb", n.freeRamMb());
        o.put("local_gb", n.localGb());
        o.put("local_gb_used", n.localGbUsed());
        o.put("free_disk_gb", n.freeDiskGb());
        o.put("disk_available_least", n.diskAvailableLeast());
        o.put("current_workload", n.currentWorkload());
        o.put("running_vms", n.runningVms());
        o.put("cpu_info", n.cpuInfo());
        o.put("service", Js.obj("host", n.host(), "id", h.serviceId(), "disabled_reason", Js.opt(h.disabledReason())));
        return o;
    }

    private static ApiResponse hypervisors(Req r, int mv, List<String> s) {
        only(r, "GET");
        List<ComputeApi.HypervisorView> all = r.cloud().compute().hypervisors(r.token());
        if (s.size() == 1 || (s.size() == 2 && s.get(1).equals("detail"))) {
            List<Object> out = new ArrayList<>();
            for (var h : all) out.add(hypervisor(h, s.size() == 2));
            return ApiResponse.json(200, Js.obj("hypervisors", out));
        }
        String id = s.get(1);
        if (s.size() == 3 && s.get(2).equals("search")) {
            List<Object> out = new ArrayList<>();
            for (var h : all) if (h.node().hypervisorHostname().contains(id)) out.add(hypervisor(h, false));
            if (out.isEmpty()) throw CloudError.notFound("No hypervisor matching '" + id + "' could be found.");
            return ApiResponse.json(200, Js.obj("hypervisors", out));
        }
        ComputeApi.HypervisorView h = all.stream().filter(x -> String.valueOf(x.node().id()).equals(id)).findFirst()
                .orElseThrow(() -> CloudError.notFound("Hypervisor with ID " + id + " could not be found."));
        if (s.size() == 2) return ApiResponse.json(200, Js.obj("hypervisor", hypervisor(h, true)));
        if (s.size() == 3 && s.get(2).equals("uptime")) {
            long up = r.cloud().nowMs() / 1000 + 93L * 86400 + 18 * 3600 + 25 * 60;
            String clock = SimClock.isoZ(r.cloud().clock().instant()).substring(11, 19);
            String uptime = " " + clock + " up " + (up / 86400) + " days, " + String.format("%d:%02d", (up % 86400) / 3600, (up % 3600) / 60)
                    + ",  1 user,  load average: 0.08, 0.05, 0.01";
            Map<String, Object> o = hypervisor(h, false);
            o.put("uptime", uptime);
            return ApiResponse.json(200, Js.obj("hypervisor", o));
        }
        throw Req.notFound();
    }

    private static ApiResponse services(Req r, int mv, List<String> s) {
        ComputeApi api = r.cloud().compute();
        if (s.size() == 1) {
            only(r, "GET");
            List<Object> out = new ArrayList<>();
            for (ComputeApi.ServiceView v : api.services(r.token())) {
                if (r.param("host").isPresent() && !r.param("host").get().equals(v.service().host)) continue;
                if (r.param("binary").isPresent() && !r.param("binary").get().equals(v.service().binary)) continue;
                out.add(service(r, v, mv));
            }
            return ApiResponse.json(200, Js.obj("services", out));
        }
        if (s.size() == 2) {
            only(r, "PUT");
            String id = s.get(1);
            var target = api.services(r.token()).stream()
                    .filter(v -> (mv >= 53 ? v.service().uuid : String.valueOf(v.service().id)).equals(id)).findFirst()
                    .orElseThrow(() -> CloudError.notFound("Service " + id + " not found."));
            JsonNode b = r.json();
            Optional<Boolean> enabled = Js.text(b, "status").map(x -> x.equals("enabled"));
            Optional<Boolean> forced = b.has("forced_down") ? Optional.of(b.get("forced_down").asBoolean()) : Optional.empty();
            var v = api.setService(r.token(), target.service().host, target.service().binary, enabled, Js.text(b, "disabled_reason"), forced);
            return ApiResponse.json(200, Js.obj("service", service(r, v, mv)));
        }
        throw Req.notFound();
    }

    private static Map<String, Object> service(Req r, ComputeApi.ServiceView v, int mv) {
        var sv = v.service();
        Map<String, Object> o = Js.obj("id", mv >= 53 ? (Object) sv.uuid : (Object) sv.id, "binary", sv.binary, "host", sv.host,
                "zone", v.zone(), "status", sv.disabled() ? "disabled" : "enabled", "state", v.state(),
                "updated_at", SimClock.isoMicro(r.cloud().clock().instantAt(sv.updatedAtMs())),
                "disabled_reason", Js.opt(sv.disabledReason()));
        if (mv >= 11) o.put("forced_down", sv.forcedDown());
        return o;
    }

    private static ApiResponse zones(Req r, List<String> s) {
        only(r, "GET");
        boolean detail = s.size() == 2 && s.get(1).equals("detail");
        if (s.size() > 2 || (s.size() == 2 && !detail)) throw Req.notFound();
        List<Object> out = new ArrayList<>();
        for (ComputeApi.ZoneView z : r.cloud().compute().availabilityZones(r.token(), detail)) {
            Object hosts = null;
            if (detail) {
                Map<String, Object> h = new LinkedHashMap<>();
                z.hosts().forEach((host, svcs) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (var v : svcs) {
                        m.put(v.service().binary, Js.obj("available", v.state().equals("up"), "active", !v.service().disabled(),
                                "updated_at", SimClock.isoMicro(r.cloud().clock().instantAt(v.service().updatedAtMs()))));
                    }
                    h.put(host, m);
                });
                hosts = h;
            }
            out.add(Js.obj("zoneName", z.name(), "zoneState", Js.obj("available", z.available()), "hosts", hosts));
        }
        return ApiResponse.json(200, Js.obj("availabilityZoneInfo", out));
    }

    private static ApiResponse aggregates(Req r, int mv, List<String> s) {
        only(r, "GET");
        List<Aggregate> all = r.cloud().compute().aggregates(r.token());
        if (s.size() == 1) {
            List<Object> out = new ArrayList<>();
            for (Aggregate a : all) out.add(aggregate(r, a, mv));
            return ApiResponse.json(200, Js.obj("aggregates", out));
        }
        if (s.size() == 2) {
            Aggregate a = all.stream().filter(x -> String.valueOf(x.id()).equals(s.get(1)) || x.uuid().equals(s.get(1))).findFirst()
                    .orElseThrow(() -> CloudError.notFound("Aggregate " + s.get(1) + " could not be found."));
            return ApiResponse.json(200, Js.obj("aggregate", aggregate(r, a, mv)));
        }
        throw Req.notFound();
    }

    private static Map<String, Object> aggregate(Req r, Aggregate a, int mv) {
        Map<String, Object> o = Js.obj("id", a.id(), "name", a.name(), "availability_zone", Js.opt(a.availabilityZone()),
                "hosts", a.hosts(), "metadata", a.metadata(), "created_at", a.createdAt(), "updated_at", null,
                "deleted", false, "deleted_at", null);
        if (mv >= 41) o.put("uuid", a.uuid());
        return o;
    }

    private static ApiResponse limits(Req r, List<String> s) {
        only(r, "GET");
        if (s.size() != 1) throw Req.notFound();
        ComputeApi.QuotaView q = r.cloud().compute().quotas(r.token());
        var l = q.limits();
        // Nova 2.1's order of the absolute limits (a dict built from the quota set), as OSC prints them.
        return ApiResponse.json(200, Js.obj("limits", Js.obj("rate", List.of(), "absolute", Js.obj(
                "maxServerMeta", 128, "maxTotalInstances", l.instances(), "maxPersonality", 5, "totalServerGroupsUsed", 0,
                "maxImageMeta", 128, "maxPersonalitySize", 10240, "maxTotalRAMSize", l.ram(), "maxServerGroups", 10,
                "maxSecurityGroupRules", 20, "maxTotalKeypairs", l.keyPairs(), "totalCoresUsed", q.coresUsed(),
                "totalRAMUsed", q.ramUsed(), "maxSecurityGroups", 10, "totalFloatingIpsUsed", 0,
                "totalInstancesUsed", q.instancesUsed(), "maxServerGroupMembers", 10, "maxTotalFloatingIps", 10,
                "totalSecurityGroupsUsed", 0, "maxTotalCores", l.cores()))));
    }

    /** {@code GET /os-quota-sets/<project>[/detail|/defaults]}: the configured limits (and usage, for detail). */
    private static ApiResponse quotaSets(Req r, int mv, List<String> s, RequestContext ctx) {
        only(r, "GET");
        if (s.size() < 2 || s.size() > 3) throw Req.notFound();
        String project = s.get(1);
        if (!ctx.isAdmin() && !project.equals(ctx.projectId())) throw CloudError.policy("os_compute_api:os-quota-sets:show");
        boolean detail = s.size() == 3 && s.get(2).equals("detail");
        if (s.size() == 3 && !detail && !s.get(2).equals("defaults")) throw Req.notFound();
        ComputeApi.QuotaView q = r.cloud().compute().quotas(r.token());
        var l = q.limits();
        List<novalab.engine.compute.Instance> mine = r.cloud().db().instances().stream()
                .filter(i -> !i.deleted() && i.projectId.equals(project)).toList();
        int usedInstances = mine.size();
        int usedCores = mine.stream().mapToInt(i -> i.flavor.vcpus()).sum();
        int usedRam = mine.stream().mapToInt(i -> i.flavor.ramMb()).sum();
        Map<String, Object> o = Js.obj("id", project);
        java.util.function.BiConsumer<String, int[]> put = (k, v) -> o.put(k, detail ? Js.obj("limit", v[0], "in_use", v[1], "reserved", 0) : v[0]);
        put.accept("instances", new int[] {l.instances(), usedInstances});
        put.accept("cores", new int[] {l.cores(), usedCores});
        put.accept("ram", new int[] {l.ram(), usedRam});
        put.accept("key_pairs", new int[] {l.keyPairs(), project.equals(ctx.projectId()) ? q.keyPairsUsed() : 0});
        put.accept("metadata_items", new int[] {128, 0});
        put.accept("server_groups", new int[] {10, 0});
        put.accept("server_group_members", new int[] {10, 0});
        if (mv < 57) {
            put.accept("injected_files", new int[] {5, 0});
            put.accept("injected_file_content_bytes", new int[] {10240, 0});
            put.accept("injected_file_path_bytes", new int[] {255, 0});
        }
        if (mv < 36) {
            put.accept("floating_ips", new int[] {-1, 0});
            put.accept("fixed_ips", new int[] {-1, 0});
            put.accept("security_groups", new int[] {10, 0});
            put.accept("security_group_rules", new int[] {20, 0});
        }
        return ApiResponse.json(200, Js.obj("quota_set", o));
    }
}
