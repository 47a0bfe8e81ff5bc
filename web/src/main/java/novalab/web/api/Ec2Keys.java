package novalab.web.api;

import java.util.Map;
import java.util.Optional;

/** Finds the sandbox (its {@code /sandbox/<id>} id) an EC2 access key id belongs to; the web lab keeps one key per student. */
@FunctionalInterface
public interface Ec2Keys {
    Optional<String> sandboxId(String accessKeyId);

    /** A fixed mapping (tests, the bench). */
    static Ec2Keys of(Map<String, String> keyToSandbox) {
        Map<String, String> copy = Map.copyOf(keyToSandbox);
        return k -> Optional.ofNullable(copy.get(k));
    }
}
