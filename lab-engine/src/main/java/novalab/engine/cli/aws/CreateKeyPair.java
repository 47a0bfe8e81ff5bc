package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import novalab.engine.api.ComputeApi;
import novalab.engine.common.CloudError;

/**
 * {@code aws ec2 create-key-pair}: Nova generates the RSA key pair and returns the PKCS#1 private key once;
 * the fingerprint is Nova's (as ec2-api returned it), not AWS's SHA-1 of the private key.
 */
final class CreateKeyPair implements Ec2Operation {
    public String name() { return "create-key-pair"; }
    public String apiName() { return "CreateKeyPair"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().string("--key-name", "--key-type", "--key-format").structs("--tag-specifications")
                .flag("--dry-run").required("--key-name");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        String name = req.string("--key-name").get();
        String type = req.string("--key-type").orElse("rsa");
        if (!type.equals("rsa") && !type.equals("ed25519")) {
            throw new Ec2Error("InvalidParameterValue", "Value (" + type + ") for parameter keyType is invalid. Valid values are rsa and ed25519.");
        }
        if (type.equals("ed25519")) {
            throw new Ec2Error("InvalidParameterValue", "Value (ed25519) for parameter keyType is not supported by this cloud: Nova generates RSA key pairs only.");
        }
        String format = req.string("--key-format").orElse("pem");
        if (!format.equals("pem")) throw new Ec2Error("InvalidParameterValue", "Value (" + format + ") for parameter keyFormat is invalid. Valid values are pem.");
        if (ctx.compute().keyPairs(ctx.token()).stream().anyMatch(k -> k.name().equals(name))) {
            throw new Ec2Error("InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
        }
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        ComputeApi.CreatedKeyPair kp;
        try {
            kp = ctx.compute().createKeyPair(ctx.token(), name, Optional.empty(), "ssh");
        } catch (CloudError e) {
            if (e.status() == 403) throw new Ec2Error("ResourceLimitExceeded", "Maximum number of key pairs has been reached.");
            if (e.status() == 400) throw new Ec2Error("InvalidKeyPair.Format", e.getMessage());
            throw Ec2Context.translate(e);
        }
        String material = kp.privateKey().orElse("");
        while (material.endsWith("\n")) material = material.substring(0, material.length() - 1);
        return Optional.of(AwsJson.obj().put("KeyFingerprint", kp.keyPair().fingerprint()).put("KeyMaterial", material)
                .put("KeyName", name).put("KeyPairId", Ec2Names.keyPairId(kp.keyPair().userId(), name)));
    }
}
