package novalab.jshell.sdk;

import java.util.Map;

/** A Nova key pair: {@code GET /compute/v2.1/os-keypairs}. */
public record Keypair(String name, String fingerprint, String type) {
    static Keypair of(Map<String, Object> m) {
        return new Keypair(Json.str(m, "name"), Json.str(m, "fingerprint"), Json.str(m, "type"));
    }
}
