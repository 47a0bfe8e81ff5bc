package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import novalab.engine.api.ServerView;
import novalab.engine.common.CloudError;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Port;

/** {@code aws ec2 associate-address}: the floating IP goes onto the instance's first port, as {@code server add floating ip} does. */
final class AssociateAddress implements Ec2Operation {
    public String name() { return "associate-address"; }
    public String apiName() { return "AssociateAddress"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().string("--instance-id", "--allocation-id", "--public-ip", "--network-interface-id", "--private-ip-address")
                .flag("--allow-reassociation", "--dry-run");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        FloatingIp f;
        if (req.string("--allocation-id").isPresent()) {
            f = ctx.address(req.string("--allocation-id").get());
        } else if (req.string("--public-ip").isPresent()) {
            String ip = req.string("--public-ip").get();
            f = ctx.addresses().stream().filter(x -> x.address().equals(ip)).findFirst()
                    .orElseThrow(() -> new Ec2Error("InvalidAddress.NotFound", "The address '" + ip + "' does not belong to you."));
        } else {
            throw new Ec2Error("MissingParameter", "Either public IP or allocation id must be specified");
        }
        String iid = req.string("--instance-id")
                .orElseThrow(() -> new Ec2Error("MissingParameter", "The request must contain the parameter instanceId or networkInterfaceId"));
        ServerView v = ctx.instance(iid);
        List<Port> ports = ctx.neutron().portsOfDevice(v.id());
        if (ports.isEmpty()) throw new Ec2Error("IncorrectInstanceState", "The instance '" + iid + "' is not in a valid state for this operation.");
        if (f.portId().isPresent() && !f.portId().get().equals(ports.get(0).id()) && !req.flag("--allow-reassociation")) {
            throw new Ec2Error("Resource.AlreadyAssociated", "resource " + Ec2Names.allocationId(f.id()) + " is already associated with associate-id "
                    + Ec2Names.associationId(f.id(), f.portId().get()));
        }
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        try {
            if (f.portId().isPresent() && !f.portId().get().equals(ports.get(0).id())) ctx.neutron().disassociate(ctx.rc(), f.id());
            ctx.neutron().associate(ctx.rc(), f.id(), ports.get(0).id(), Optional.empty());
        } catch (CloudError e) {
            throw new Ec2Error("InvalidParameterValue", e.getMessage());
        }
        return Optional.of(AwsJson.obj().put("AssociationId", Ec2Names.associationId(f.id(), ports.get(0).id())));
    }
}
