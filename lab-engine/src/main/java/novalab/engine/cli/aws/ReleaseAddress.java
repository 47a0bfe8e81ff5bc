package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import novalab.engine.network.Model.FloatingIp;

/** {@code aws ec2 release-address}: deletes the floating IP, refused while it is associated (as EC2 does); prints nothing. */
final class ReleaseAddress implements Ec2Operation {
    public String name() { return "release-address"; }
    public String apiName() { return "ReleaseAddress"; }

    public Ec2Request.Spec spec() { return new Ec2Request.Spec().string("--allocation-id", "--public-ip", "--network-border-group").flag("--dry-run"); }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        FloatingIp f;
        if (req.string("--allocation-id").isPresent()) {
            f = ctx.address(req.string("--allocation-id").get());
        } else if (req.string("--public-ip").isPresent()) {
            String ip = req.string("--public-ip").get();
            f = ctx.addresses().stream().filter(x -> x.address().equals(ip)).findFirst()
                    .orElseThrow(() -> new Ec2Error("AuthFailure", "The address '" + ip + "' does not belong to you."));
        } else {
            throw new Ec2Error("MissingParameter", "Either public IP or allocation id must be specified");
        }
        if (f.portId().isPresent()) throw new Ec2Error("InvalidIPAddress.InUse", "Address " + f.address() + " is in use.");
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        ctx.neutron().deleteFloatingIp(ctx.rc(), f.id());
        return Optional.empty();
    }
}
