package novalab.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.common.CloudError;
import novalab.engine.identity.Keystone;

/** Keystone v3 under {@code /identity}: discovery, password tokens with this sandbox's catalog, token validation. */
final class KeystoneApi {
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private KeystoneApi() {}

    static String url(Req r) { return r.base + "/identity"; }

    static Map<String, Object> version(Req r) {
        return Js.obj("id", "v3.14", "status", "stable", "updated", "2020-04-07T00:00:00Z",
                "links", List.of(Js.obj("rel", "self", "href", url(r) + "/v3/")),
                "media-types", List.of(Js.obj("base", "application/json", "type", "application/vnd.openstack.identity-v3+json")));
    }

    static ApiResponse handle(Req r) {
        try {
            return route(r);
        } catch (Req.BadJson e) {
            return error(400, "Bad Request", "Malformed request body");
        } catch (Req.NoRoute e) {
            return e.status == 405 ? error(405, "Method Not Allowed", "The method is not allowed for the requested URL.")
                    : error(404, "Not Found", "The resource could not be found.");
        } catch (CloudError e) {
            return error(e.status(), title(e.status()), e.getMessage());
        }
    }

    private static ApiResponse route(Req r) {
        String m = r.method();
        if (r.size() == 0) {
            if (!m.equals("GET") && !m.equals("HEAD")) throw Req.badMethod();
            return ApiResponse.json(300, Js.obj("versions", Js.obj("values", List.of(version(r)))))
                    .withHeader("Location", url(r) + "/v3/");
        }
        if (!r.seg(0).equals("v3")) throw Req.notFound();
        if (r.size() == 1) {
            if (!m.equals("GET") && !m.equals("HEAD")) throw Req.badMethod();
            return ApiResponse.json(200, Js.obj("version", version(r)));
        }
        if (r.size() == 3 && r.seg(1).equals("auth") && r.seg(2).equals("tokens")) {
            return switch (m) {
                case "POST" -> issue(r);
                case "GET", "HEAD" -> check(r, m.equals("HEAD"));
                case "DELETE" -> revoke(r);
                default -> throw Req.badMethod();
            };
        }
        if (r.size() >= 2 && (r.seg(1).equals("projects") || r.seg(1).equals("users") || r.seg(1).equals("domains")
                || r.seg(1).equals("roles") || (r.seg(1).equals("auth") && r.seg(2).equals("projects")))) {
            if (!m.equals("GET") && !m.equals("HEAD")) throw Req.badMethod();
            return directory(r);
        }
        throw Req.notFound();
    }

    /** The read-only directory: projects, users, domains, roles (admin, as Keystone's default policy), and {@code /auth/projects}. */
    private static ApiResponse directory(Req r) {
        Keystone ks = r.cloud().keystone();
        var ctx = ks.validate(r.token());
        String kind = r.seg(1);
        boolean mine = kind.equals("auth");
        if (!mine && !ctx.isAdmin()) {
            throw new CloudError(403, "Forbidden", "You are not authorized to perform the requested action: identity:list_" + kind + ".");
        }
        String self = url(r) + "/v3/" + String.join("/", r.seg.subList(1, r.size()));
        List<Object> out = new ArrayList<>();
        switch (mine ? "projects" : kind) {
            case "projects" -> {
                for (Keystone.Project p : ks.projects()) {
                    if (mine && ks.rolesOn(ctx.userId(), p.id()).isEmpty()) continue;
                    if (r.param("name").isPresent() && !r.param("name").get().equals(p.name())) continue;
                    out.add(Js.obj("id", p.id(), "name", p.name(), "domain_id", p.domainId(), "description", p.description(),
                            "enabled", true, "parent_id", p.domainId(), "is_domain", false, "tags", List.of(), "options", Map.of(),
                            "links", Map.of("self", url(r) + "/v3/projects/" + p.id())));
                }
            }
            case "users" -> {
                for (Keystone.User u : ks.users()) {
                    if (r.param("name").isPresent() && !r.param("name").get().equals(u.name())) continue;
                    out.add(Js.obj("id", u.id(), "name", u.name(), "domain_id", u.domainId(), "default_project_id", u.defaultProjectId(),
                            "enabled", true, "password_expires_at", null, "options", Map.of(),
                            "links", Map.of("self", url(r) + "/v3/users/" + u.id())));
                }
            }
            case "roles" -> {
                for (Keystone.Role x : ks.roles()) {
                    out.add(Js.obj("id", x.id(), "name", x.name(), "domain_id", null, "description", null, "options", Map.of(),
                            "links", Map.of("self", url(r) + "/v3/roles/" + x.id())));
                }
            }
            default -> {
                ks.domainByName("default").ifPresent(d -> out.add(Js.obj("id", d.id(), "name", d.name(), "description", "The default domain",
                        "enabled", true, "tags", List.of(), "options", Map.of(), "links", Map.of("self", url(r) + "/v3/domains/" + d.id()))));
            }
        }
        if (r.size() == 3 && !mine) {
            String id = r.seg(2);
            for (Object o : out) {
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) o;
                if (id.equals(m.get("id"))) return ApiResponse.json(200, Js.obj(kind.substring(0, kind.length() - 1), m));
            }
            String noun = kind.substring(0, kind.length() - 1);
            return error(404, "Not Found", "Could not find " + noun + ": " + id + ".");
        }
        if (r.size() > 3 || (mine && r.size() != 3)) throw Req.notFound();
        return ApiResponse.json(200, Js.obj(mine ? "projects" : kind, out, "links", Js.obj("self", self, "previous", null, "next", null)));
    }

    private static ApiResponse issue(Req r) {
        JsonNode auth = r.json().path("auth");
        JsonNode identity = auth.path("identity");
        List<String> methods = new ArrayList<>();
        identity.path("methods").forEach(n -> methods.add(n.asText()));
        Keystone ks = r.cloud().keystone();
        if (!methods.contains("password")) {
            if (methods.contains("token")) {
                String old = identity.path("token").path("id").asText("");
                var ctx = ks.validate(old);
                return tokenResponse(r, ks.tokens(ctx.tokenId()).orElseThrow(), 201);
            }
            throw new CloudError(400, "ValidationError", "Expecting to find identity in auth. The server could not comply with the request "
                    + "since it is either malformed or otherwise incorrect. The client is assumed to be in error.");
        }
        JsonNode user = identity.path("password").path("user");
        String password = user.path("password").asText("");
        String userName;
        String userDomain;
        if (user.hasNonNull("id")) {
            Keystone.User u = ks.user(user.get("id").asText()).orElseThrow(KeystoneApi::unauthorized);
            userName = u.name();
            userDomain = u.domainId();
        } else {
            userName = user.path("name").asText("");
            JsonNode d = user.path("domain");
            userDomain = d.hasNonNull("id") ? d.get("id").asText() : d.path("name").asText("Default");
        }
        JsonNode project = auth.path("scope").path("project");
        String projectName;
        String projectDomain;
        if (project.hasNonNull("id")) {
            Keystone.Project p = ks.project(project.get("id").asText()).orElseThrow(KeystoneApi::unauthorized);
            projectName = p.name();
            projectDomain = p.domainId();
        } else if (project.hasNonNull("name")) {
            projectName = project.get("name").asText();
            JsonNode d = project.path("domain");
            projectDomain = d.hasNonNull("id") ? d.get("id").asText() : d.path("name").asText("Default");
        } else {
            Keystone.User u = ks.domainByName(userDomain).flatMap(d -> ks.userByName(userName, d.id())).orElseThrow(KeystoneApi::unauthorized);
            Keystone.Project p = ks.project(u.defaultProjectId()).orElseThrow(KeystoneApi::unauthorized);
            projectName = p.name();
            projectDomain = p.domainId();
        }
        Keystone.Token t = ks.authenticate(userName, userDomain, password, projectName, projectDomain);
        return tokenResponse(r, t, 201);
    }

    private static ApiResponse tokenResponse(Req r, Keystone.Token t, int status) {
        return tokenResponse(r, t, status, !r.param("nocatalog").isPresent());
    }

    private static ApiResponse tokenResponse(Req r, Keystone.Token t, int status, boolean catalog) {
        return ApiResponse.json(status, Js.obj("token", tokenBody(r, t, catalog)))
                .withHeader("X-Subject-Token", t.id()).withHeader("Vary", "X-Auth-Token");
    }

    static Map<String, Object> tokenBody(Req r, Keystone.Token t, boolean withCatalog) {
        Keystone ks = r.cloud().keystone();
        Keystone.User u = ks.user(t.userId()).orElseThrow();
        Keystone.Project p = ks.project(t.projectId()).orElseThrow();
        List<Object> roles = new ArrayList<>();
        for (String name : t.roles()) roles.add(Js.obj("id", ks.role(name).id(), "name", name));
        Map<String, Object> body = Js.obj("methods", List.of("password"), "audit_ids", List.of(t.auditId()),
                "expires_at", iso(r, t.expiresAtMs()), "issued_at", iso(r, t.issuedAtMs()), "is_domain", false,
                "user", Js.obj("domain", domain(ks, u.domainId()), "id", u.id(), "name", u.name(), "password_expires_at", null),
                "project", Js.obj("domain", domain(ks, p.domainId()), "id", p.id(), "name", p.name()),
                "roles", roles);
        if (withCatalog) body.put("catalog", catalog(r));
        return body;
    }

    private static Map<String, Object> domain(Keystone ks, String id) {
        String name = ks.domainByName(id).map(Keystone.Domain::name).orElse(id);
        return Js.obj("id", id, "name", name);
    }

    static String iso(Req r, long ms) { return ISO.format(r.cloud().clock().instantAt(ms)); }

    static String iso(Instant t) { return ISO.format(t); }

    /** The catalog: every endpoint points back at this server, under this sandbox's prefix. */
    static List<Object> catalog(Req r) {
        String region = r.cloud().region();
        List<Object> out = new ArrayList<>();
        String[][] services = {
            {"compute", "nova", r.base + "/compute/v2.1"},
            {"identity", "keystone", r.base + "/identity/v3/"},
            {"network", "neutron", r.base + "/network"},
            {"image", "glance", r.base + "/image"},
        };
        int n = 0;
        for (String[] s : services) {
            List<Object> eps = new ArrayList<>();
            for (String iface : List.of("public", "internal", "admin")) {
                eps.add(Js.obj("id", hexId(s[0] + iface), "interface", iface, "region", region, "region_id", region, "url", s[2]));
            }
            out.add(Js.obj("type", s[0], "name", s[1], "id", hexId(s[1] + n++), "endpoints", eps));
        }
        return out;
    }

    private static String hexId(String seed) {
        return java.util.UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    private static ApiResponse check(Req r, boolean head) {
        Keystone ks = r.cloud().keystone();
        ks.validate(r.token());
        String subject = r.call.header("x-subject-token");
        Optional<Keystone.Token> t = ks.tokens(subject).filter(x -> r.cloud().nowMs() < x.expiresAtMs());
        if (t.isEmpty()) return error(404, "Not Found", "Could not find token: " + subject + ".");
        if (head) return ApiResponse.empty(200).withHeader("X-Subject-Token", subject);
        return tokenResponse(r, t.get(), 200);
    }

    private static ApiResponse revoke(Req r) {
        Keystone ks = r.cloud().keystone();
        ks.validate(r.token());
        String subject = r.call.header("x-subject-token");
        if (ks.tokens(subject).isEmpty()) return error(404, "Not Found", "Could not find token: " + subject + ".");
        ks.revoke(subject);
        return ApiResponse.empty(204);
    }

    private static CloudError unauthorized() {
        return new CloudError(401, "Unauthorized", "The request you have made requires authentication.");
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            default -> "Internal Server Error";
        };
    }

    /** Keystone's error body {@code {"error": {"code", "message", "title"}}}. */
    static ApiResponse error(int status, String title, String message) {
        return ApiResponse.json(status, Js.obj("error", Js.obj("code", status, "message", message, "title", title)));
    }

    /** What keystonemiddleware answers every service call with a missing, bad or expired token. */
    static ApiResponse unauthorizedResponse(Req r) {
        return error(401, "Unauthorized", "The request you have made requires authentication.")
                .withHeader("WWW-Authenticate", "Keystone uri=\"" + url(r) + "/v3\"");
    }
}
