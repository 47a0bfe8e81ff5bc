package novalab.exercises.checks;

import java.util.List;
import java.util.Optional;
import novalab.engine.db.KeyPair;

/** {@code keypair}: the named key pair exists for the named Keystone user (key pairs belong to users, not projects). */
public record KeypairOf(CheckInfo info, String keypair, String user) implements Check {
    static KeypairOf parse(CheckInfo info, Fields f) { return new KeypairOf(info, f.str("keypair"), f.str("user")); }

    @Override
    public Observation evaluate(Probe probe) {
        var cloud = probe.cloud();
        Optional<String> uid = cloud.keystone().userByName(user, "default").map(u -> u.id());
        if (uid.isPresent() && cloud.db().api.keyPair(uid.get(), keypair).isPresent()) {
            return Observation.pass("keypair " + keypair + " of user " + user + ": present");
        }
        List<String> owners = cloud.db().api.keyPairs.stream().filter(k -> k.name().equals(keypair)).map(KeyPair::userId)
                .map(id -> cloud.keystone().user(id).map(u -> u.name()).orElse(id)).toList();
        return Observation.fail("keypair " + keypair + " of user " + user + ": absent"
                + (owners.isEmpty() ? "" : " (exists for " + String.join(", ", owners) + ")"));
    }
}
