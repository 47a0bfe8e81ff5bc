package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import novalab.engine.db.KeyPair;

/** {@code aws ec2 describe-key-pairs}: the user's Nova key pairs. */
final class DescribeKeyPairs implements Ec2Operation {
    private static final Map<String, Function<ObjectNode, List<String>>> FILTERS = Map.of(
            "key-name", o -> List.of(o.path("KeyName").asText()),
            "key-pair-id", o -> List.of(o.path("KeyPairId").asText()),
            "fingerprint", o -> List.of(o.path("KeyFingerprint").asText()));

    public String name() { return "describe-key-pairs"; }
    public String apiName() { return "DescribeKeyPairs"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().list("--key-names", "--key-pair-ids").structs("--filters").flag("--include-public-key", "--dry-run");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        List<ObjectNode> items = new ArrayList<>();
        List<KeyPair> keys = ctx.compute().keyPairs(ctx.token());
        for (KeyPair k : keys) {
            ObjectNode o = AwsJson.obj().put("KeyPairId", Ec2Names.keyPairId(k.userId(), k.name())).put("KeyFingerprint", k.fingerprint())
                    .put("KeyName", k.name()).put("KeyType", "rsa");
            o.set("Tags", AwsJson.arr());
            if (req.flag("--include-public-key")) o.put("PublicKey", k.publicKey().trim());
            o.put("CreateTime", Ec2Names.timestamp(k.createdAt()));
            items.add(o);
        }
        for (String n : req.list("--key-names")) {
            if (items.stream().noneMatch(o -> o.path("KeyName").asText().equals(n))) {
                throw new Ec2Error("InvalidKeyPair.NotFound", "The key pair '" + n + "' does not exist");
            }
        }
        for (String id : req.list("--key-pair-ids")) {
            if (items.stream().noneMatch(o -> o.path("KeyPairId").asText().equals(id))) {
                throw new Ec2Error("InvalidKeyPair.NotFound", "The key pair ID '" + id + "' does not exist");
            }
        }
        items.removeIf(o -> (req.has("--key-names") && !req.list("--key-names").contains(o.path("KeyName").asText()))
                || (req.has("--key-pair-ids") && !req.list("--key-pair-ids").contains(o.path("KeyPairId").asText())));
        items = Filters.apply(req.structs("--filters"), FILTERS, items);
        ArrayNode arr = AwsJson.arr();
        items.forEach(arr::add);
        return Optional.of(AwsJson.obj().set("KeyPairs", arr));
    }
}
