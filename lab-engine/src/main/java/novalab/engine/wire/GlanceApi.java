package novalab.engine.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import novalab.engine.common.CloudError;
import novalab.engine.identity.RequestContext;
import novalab.engine.image.Glance;
import novalab.engine.image.Image;

/** Glance's v2 API under {@code /image}: discovery (300), images list (filters, pages of 25) and show, properties as top-level keys. */
final class GlanceApi {
    private static final int PAGE = 25;

    private GlanceApi() {}

    static ApiResponse handle(Req r) {
        try {
            return route(r);
        } catch (Req.BadJson e) {
            return error(400, "Bad Request", "Malformed request body");
        } catch (Req.NoRoute e) {
            return e.status == 405 ? error(405, "Method Not Allowed", "The method is not allowed for this resource.")
                    : error(404, "Not Found", "The resource could not be found.");
        } catch (CloudError e) {
            if (e.status() == 401) return KeystoneApi.unauthorizedResponse(r);
            return error(e.status(), KeystoneApi.title(e.status()), e.getMessage());
        }
    }

    /** Glance's plain error page: {@code 404 Not Found\n\n<message>\n\n   }. */
    static ApiResponse error(int status, String title, String message) {
        return ApiResponse.text(status, status + " " + title + "\n\n" + message + "\n\n   ");
    }

    private static ApiResponse versions(Req r, int status) {
        List<Object> out = new ArrayList<>();
        String[] ids = {"v2.15", "v2.9", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0"};
        for (int i = 0; i < ids.length; i++) {
            out.add(Js.obj("id", ids[i], "status", i == 0 ? "CURRENT" : "SUPPORTED",
                    "links", List.of(Js.obj("rel", "self", "href", r.base + "/image/v2/"))));
        }
        return ApiResponse.json(status, Js.obj("versions", out));
    }

    private static void read(Req r) {
        if (!r.method().equals("GET") && !r.method().equals("HEAD")) throw Req.badMethod();
    }

    private static ApiResponse route(Req r) {
        if (r.size() == 0) {
            read(r);
            return versions(r, 300);
        }
        if (r.size() == 1 && r.seg(0).equals("versions")) {
            read(r);
            return versions(r, 200);
        }
        if (!r.seg(0).equals("v2") || r.size() < 2 || !r.seg(1).equals("images")) throw Req.notFound();
        RequestContext ctx = r.cloud().keystone().validate(r.token());
        Glance g = r.cloud().glance();
        if (r.size() == 2) {
            if (r.method().equals("POST")) throw new CloudError(403, "Forbidden", "Image uploads are not available in this lab.");
            read(r);
            return list(r, g.list(ctx));
        }
        if (r.size() == 3) {
            if (r.method().equals("DELETE") || r.method().equals("PATCH")) {
                throw new CloudError(403, "Forbidden", "You are not permitted to modify this image.");
            }
            read(r);
            return ApiResponse.json(200, image(g.show(ctx, r.seg(2))));
        }
        throw Req.notFound();
    }

    private static ApiResponse list(Req r, List<Image> all) {
        List<Image> match = new ArrayList<>();
        for (Image i : all) {
            if (r.param("name").isPresent() && !r.param("name").get().equals(i.name())) continue;
            if (r.param("status").isPresent() && !r.param("status").get().equalsIgnoreCase(i.status())) continue;
            if (r.param("visibility").isPresent() && !r.param("visibility").get().equals("all")
                    && !r.param("visibility").get().equals(i.visibility())) continue;
            if (r.param("owner").isPresent() && !r.param("owner").get().equals(i.owner())) continue;
            match.add(i);
        }
        int from = 0;
        if (r.param("marker").isPresent()) {
            String marker = r.param("marker").get();
            int at = -1;
            for (int k = 0; k < match.size(); k++) if (match.get(k).id().equals(marker)) at = k;
            if (at < 0) throw new CloudError(400, "BadRequest", "marker not found");
            from = at + 1;
        }
        int limit = PAGE;
        if (r.param("limit").isPresent()) {
            String l = r.param("limit").get();
            if (!l.matches("\\d{1,6}")) throw new CloudError(400, "BadRequest", "limit param must be an integer");
            limit = Integer.parseInt(l);
        }
        int to = Math.min(match.size(), from + limit);
        List<Object> page = new ArrayList<>();
        for (int k = from; k < to; k++) page.add(image(match.get(k)));
        Map<String, Object> body = Js.obj("images", page, "first", "/v2/images", "schema", "/v2/schemas/images");
        if (to < match.size() && to > from) body.put("next", "/v2/images?marker=" + match.get(to - 1).id() + (r.param("limit").isPresent() ? "&limit=" + limit : ""));
        return ApiResponse.json(200, body);
    }

    static Map<String, Object> image(Image i) {
        Map<String, Object> o = Js.obj("id", i.id(), "name", i.name(), "status", i.status(), "visibility", i.visibility(),
                "protected", i.isProtected(), "os_hidden", false, "container_format", i.containerFormat(),
                "disk_format", i.diskFormat(), "size", i.size(), "virtual_size", i.virtualSize() > 0 ? i.virtualSize() : null,
                "min_disk", i.minDisk(), "min_ram", i.minRam(), "checksum", i.checksum(), "os_hash_algo", "sha512",
                "os_hash_value", i.checksum() + i.checksum() + i.checksum() + i.checksum(), "owner", i.owner(), "tags", List.of(),
                "created_at", i.createdAt(), "updated_at", i.updatedAt(), "self", "/v2/images/" + i.id(),
                "file", "/v2/images/" + i.id() + "/file", "schema", "/v2/schemas/image");
        i.properties().forEach((k, v) -> o.putIfAbsent(k, v));
        return o;
    }
}
