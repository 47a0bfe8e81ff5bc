package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import novalab.engine.db.KeyPair;

/** {@code aws ec2 delete-key-pair}: deletes the Nova key pair; like EC2 it succeeds for an unknown name and prints nothing. */
final class DeleteKeyPair implements Ec2Operation {
    public String name() { return "delete-key-pair"; }
    public String apiName() { return "DeleteKeyPair"; }

    public Ec2Request.Spec spec() { return new Ec2Request.Spec().string("--key-name", "--key-pair-id").flag("--dry-run"); }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        if (req.string("--key-name").isEmpty() && req.string("--key-pair-id").isEmpty()) {
            throw new Ec2Error("MissingParameter", "The request must contain the parameter KeyName or KeyPairId");
        }
        Optional<KeyPair> k = ctx.compute().keyPairs(ctx.token()).stream().filter(x -> req.string("--key-name").map(x.name()::equals)
                .orElseGet(() -> Ec2Names.keyPairId(x.userId(), x.name()).equals(req.string("--key-pair-id").get()))).findFirst();
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        k.ifPresent(x -> ctx.compute().deleteKeyPair(ctx.token(), x.name()));
        return Optional.empty();
    }
}
