package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import novalab.engine.common.CloudError;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Network;

/** {@code aws ec2 allocate-address}: an Elastic IP is a Neutron floating IP from the external network. */
final class AllocateAddress implements Ec2Operation {
    public String name() { return "allocate-address"; }
    public String apiName() { return "AllocateAddress"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().string("--domain", "--address", "--public-ipv4-pool", "--network-border-group")
                .structs("--tag-specifications").flag("--dry-run");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        String domain = req.string("--domain").orElse("vpc");
        if (!domain.equals("vpc") && !domain.equals("standard")) {
            throw new Ec2Error("InvalidParameterValue", "Invalid value '" + domain + "' for domain.");
        }
        Network ext = ctx.neutron().networks(ctx.rc()).stream().filter(Network::external).findFirst()
                .orElseThrow(() -> new Ec2Error("AddressLimitExceeded", "The maximum number of addresses has been reached."));
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        FloatingIp f;
        try {
            f = ctx.neutron().createFloatingIp(ctx.rc(), ext.id(), req.string("--address"), "");
        } catch (CloudError e) {
            if (e.status() == 409 || e.status() == 403) throw new Ec2Error("AddressLimitExceeded", "The maximum number of addresses has been reached.");
            throw Ec2Context.translate(e);
        }
        return Optional.of(AwsJson.obj().put("PublicIp", f.address()).put("AllocationId", Ec2Names.allocationId(f.id()))
                .put("PublicIpv4Pool", "amazon").put("NetworkBorderGroup", ctx.region()).put("Domain", "vpc"));
    }
}
