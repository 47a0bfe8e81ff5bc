package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.api.ComputeApi;
import novalab.engine.api.ServerCreate;
import novalab.engine.common.CloudError;
import novalab.engine.compute.Flavor;
import novalab.engine.image.Image;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Model.Subnet;

/**
 * {@code aws ec2 run-instances}: one {@code POST /servers} through nova-api, so the instance goes through
 * the same conductor, scheduler and compute hosts as {@code openstack server create}. The Name tag is the
 * server's name (and a server's name reads back as its Name tag); other tags are passed as server metadata.
 */
final class RunInstances implements Ec2Operation {
    public String name() { return "run-instances"; }
    public String apiName() { return "RunInstances"; }

    /** The server name of an instance launched without a Name tag (Nova insists on a name; EC2 shows no tag). */
    static final String UNNAMED = "ec2-instance";

    static Ec2Error dryRun() { return new Ec2Error("DryRunOperation", "Request would have succeeded, but DryRun flag is set."); }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().string("--image-id", "--instance-type", "--key-name", "--subnet-id", "--count", "--user-data",
                        "--client-token", "--private-ip-address", "--instance-initiated-shutdown-behavior")
                .list("--security-group-ids", "--security-groups").structs("--tag-specifications", "--block-device-mappings")
                .struct("--placement").flag("--dry-run", "--associate-public-ip-address", "--disable-api-termination", "--ebs-optimized");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        int min = 1;
        int max = 1;
        if (req.string("--count").isPresent()) {
            String c = req.string("--count").get();
            if (!c.matches("\\d{1,9}(:\\d{1,9})?")) throw new AwsExit(255, "\nname 'ParamValidationError' is not defined\n");
            String[] p = c.split(":");
            min = Integer.parseInt(p[0]);
            max = Integer.parseInt(p.length > 1 ? p[1] : p[0]);
        }
        if (min < 1 || max < min) {
            throw new Ec2Error("InvalidParameterValue", "Invalid value '" + min + "' for minCount. Must be between 1 and " + max + ".");
        }
        Image image = ctx.image(req.string("--image-id")
                .orElseThrow(() -> new Ec2Error("MissingParameter", "The request must contain the parameter ImageId")));
        String type = req.string("--instance-type").orElse("m1.small");
        Flavor flavor = ctx.compute().flavors(ctx.token(), Optional.empty()).stream().filter(f -> f.name().equals(type)).findFirst()
                .orElseThrow(() -> new Ec2Error("InvalidParameterValue", "Invalid value '" + type + "' for InstanceType."));
        Optional<String> key = req.string("--key-name");
        if (key.isPresent() && ctx.compute().keyPairs(ctx.token()).stream().noneMatch(k -> k.name().equals(key.get()))) {
            throw new Ec2Error("InvalidKeyPair.NotFound", "The key pair '" + key.get() + "' does not exist");
        }
        List<String> groups = new ArrayList<>();
        for (String id : req.list("--security-group-ids")) groups.add(ctx.groupById(id).id());
        for (String n : req.list("--security-groups")) groups.add(ctx.groupByName(n).id());
        List<String> nets = new ArrayList<>();
        if (req.string("--subnet-id").isPresent()) {
            String sid = req.string("--subnet-id").get();
            Subnet s = ctx.neutron().subnets(ctx.rc()).stream().filter(x -> Ec2Names.subnetId(x.id()).equals(sid)).findFirst()
                    .orElseThrow(() -> new Ec2Error("InvalidSubnetID.NotFound", "The subnet ID '" + sid + "' does not exist"));
            nets.add(s.networkId());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode spec : req.structs("--tag-specifications")) {
            if (!spec.path("ResourceType").asText("instance").equals("instance")) continue;
            for (JsonNode t : spec.path("Tags")) tags.put(t.path("Key").asText(), t.path("Value").asText(""));
        }
        Optional<String> az = Optional.ofNullable(req.structs("--placement").isEmpty() ? null
                : req.structs("--placement").get(0).path("AvailabilityZone").asText(null));
        if (req.flag("--dry-run")) throw dryRun();
        String name = tags.getOrDefault("Name", "");
        ComputeApi.CreatedServer created;
        try {
            created = ctx.compute().createServer(ctx.token(), new ServerCreate(name.isBlank() ? UNNAMED : name, flavor.id(), image.id(),
                    key, groups, nets, az, min, max, tags, Optional.empty()));
        } catch (CloudError e) {
            if (e.getMessage().startsWith("Quota exceeded for instances")) throw new Ec2Error("InstanceLimitExceeded", "Your quota allows for 0 more running instance(s). You requested at least " + min);
            if (e.getMessage().startsWith("Quota exceeded")) throw new Ec2Error("VcpuLimitExceeded", "You have requested more vCPU capacity than your current vCPU limit allows for the instance bucket that the specified instance type belongs to.");
            if (e.getMessage().contains("availability zone")) throw new Ec2Error("InvalidParameterValue", "Invalid availability zone: [" + az.orElse("") + "]");
            throw Ec2Context.translate(e);
        }
        ArrayNode instances = AwsJson.arr();
        String reservation = "";
        for (String id : created.ids()) {
            var v = ctx.compute().server(ctx.token(), id);
            reservation = ctx.compute().instanceOf(ctx.token(), id).reservationId;
            instances.add(ctx.instanceJson(v));
        }
        return Optional.of(ctx.reservation(reservation, instances));
    }
}
