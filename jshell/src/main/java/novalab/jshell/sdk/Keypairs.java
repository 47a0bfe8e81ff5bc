package novalab.jshell.sdk;

import java.util.List;
import java.util.Map;

/** {@code cloud.keypairs()}: list, create (Nova generates the key) and delete key pairs. */
public final class Keypairs {
    private final Cloud cloud;

    Keypairs(Cloud cloud) {
        this.cloud = cloud;
    }

    public List<Keypair> list() {
        return Json.list(Api.get(cloud, "/compute/v2.1/os-keypairs"), "keypairs").stream().map(m -> Keypair.of(Json.obj(m, "keypair"))).toList();
    }

    public Keypair create(String name) {
        Map<String, Object> k = Json.obj(Api.post(cloud, "/compute/v2.1/os-keypairs", "{\"keypair\": {\"name\": " + Json.quote(name) + "}}"), "keypair");
        return Keypair.of(k);
    }

    public void delete(String name) {
        Api.delete(cloud, "/compute/v2.1/os-keypairs/" + Cloud.enc(name));
    }

    @Override
    public String toString() { return "Keypairs[list() create(name) delete(name)]"; }
}
