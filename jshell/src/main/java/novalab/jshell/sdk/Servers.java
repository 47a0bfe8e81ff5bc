package novalab.jshell.sdk;

import java.util.List;
import java.util.Map;

/** {@code cloud.servers()}: list, get, create, delete, stop and start servers (openstacksdk's compute proxy verbs). */
public final class Servers {
    private final Cloud cloud;

    Servers(Cloud cloud) {
        this.cloud = cloud;
    }

    public List<Server> list() {
        return Json.list(Api.get(cloud, "/compute/v2.1/servers/detail"), "servers").stream().map(Server::of).toList();
    }

    /** The server called {@code nameOrId}. */
    public Server get(String nameOrId) {
        return Server.of(Json.obj(Api.get(cloud, "/compute/v2.1/servers/" + id(nameOrId)), "server"));
    }

    /** Boots a server; {@code flavor}, {@code image} and {@code network} may be names or ids. */
    public Server create(String name, String flavor, String image, String network) {
        return create(name, flavor, image, network, "");
    }

    /** Boots a server with a key pair ({@code keyName} empty for none). */
    public Server create(String name, String flavor, String image, String network, String keyName) {
        String flavorId = Cloud.resolve("flavor", flavor, cloud.flavors().stream().map(f -> new String[] {f.id(), f.name()}).toList());
        String imageId = Cloud.resolve("image", image, cloud.images().stream().map(f -> new String[] {f.id(), f.name()}).toList());
        String netId = Cloud.resolve("network", network, cloud.networks().stream().map(f -> new String[] {f.id(), f.name()}).toList());
        StringBuilder b = new StringBuilder("{\"server\": {\"name\": ").append(Json.quote(name))
                .append(", \"imageRef\": ").append(Json.quote(imageId))
                .append(", \"flavorRef\": ").append(Json.quote(flavorId))
                .append(", \"min_count\": 1, \"max_count\": 1")
                .append(", \"networks\": [{\"uuid\": ").append(Json.quote(netId)).append("}]");
        if (!keyName.isEmpty()) b.append(", \"key_name\": ").append(Json.quote(keyName));
        b.append("}}");
        Map<String, Object> created = Json.obj(Api.post(cloud, "/compute/v2.1/servers", b.toString()), "server");
        return get(Json.str(created, "id"));
    }

    /** Polls the server (each poll lets simulated time pass) until it is out of BUILD and no task runs, at most 60 polls. */
    public Server waitFor(String nameOrId) {
        String id = id(nameOrId);
        Server s = get(id);
        for (int i = 0; i < 60 && (s.status().equals("BUILD") || !s.taskState().isEmpty()); i++) s = get(id);
        return s;
    }

    public void delete(String nameOrId) {
        Api.delete(cloud, "/compute/v2.1/servers/" + id(nameOrId));
    }

    public void stop(String nameOrId) {
        Api.post(cloud, "/compute/v2.1/servers/" + id(nameOrId) + "/action", "{\"os-stop\": null}");
    }

    public void start(String nameOrId) {
        Api.post(cloud, "/compute/v2.1/servers/" + id(nameOrId) + "/action", "{\"os-start\": null}");
    }

    private String id(String nameOrId) {
        if (nameOrId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) return nameOrId;
        return Cloud.resolve("server", nameOrId, list().stream().map(s -> new String[] {s.id(), s.name()}).toList());
    }

    @Override
    public String toString() {
        return "Servers[list() get(name) create(name, flavor, image, network[, keyName]) waitFor(name) delete(name) stop(name) start(name)]";
    }
}
