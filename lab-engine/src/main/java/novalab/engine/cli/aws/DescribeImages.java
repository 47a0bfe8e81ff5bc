package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import novalab.engine.image.Image;

/** {@code aws ec2 describe-images}: the Glance images the project sees, as AMIs. */
final class DescribeImages implements Ec2Operation {
    private static final Map<String, Function<ObjectNode, List<String>>> FILTERS = Map.of(
            "name", o -> List.of(o.path("Name").asText()),
            "image-id", o -> List.of(o.path("ImageId").asText()),
            "architecture", o -> List.of(o.path("Architecture").asText()),
            "owner-id", o -> List.of(o.path("OwnerId").asText()),
            "state", o -> List.of(o.path("State").asText()),
            "is-public", o -> List.of(o.path("Public").asText()),
            "image-type", o -> List.of(o.path("ImageType").asText()),
            "root-device-type", o -> List.of(o.path("RootDeviceType").asText()));

    public String name() { return "describe-images"; }
    public String apiName() { return "DescribeImages"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().list("--image-ids", "--owners", "--executable-users").structs("--filters")
                .flag("--include-deprecated", "--dry-run");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        List<ObjectNode> items = new ArrayList<>();
        List<String> ids = req.list("--image-ids");
        for (String id : ids) ctx.image(id);
        for (Image i : ctx.images()) {
            ObjectNode o = of(ctx, i);
            if (!ids.isEmpty() && !ids.contains(o.path("ImageId").asText())) continue;
            List<String> owners = req.list("--owners");
            boolean own = i.owner().equals(ctx.rc().projectId());
            if (!owners.isEmpty() && owners.stream().noneMatch(w -> w.equals(o.path("OwnerId").asText())
                    || (w.equals("self") && own) || (w.equals("amazon") && !own))) continue;
            items.add(o);
        }
        items = Filters.apply(req.structs("--filters"), FILTERS, items);
        ArrayNode arr = AwsJson.arr();
        items.forEach(arr::add);
        return Optional.of(AwsJson.obj().set("Images", arr));
    }

    static ObjectNode of(Ec2Context ctx, Image i) {
        ObjectNode o = AwsJson.obj();
        o.put("Architecture", Ec2Names.architecture(i.properties().getOrDefault("hw_architecture", "x86_64")))
                .put("CreationDate", Ec2Names.timestamp(i.createdAt()).replace("+00:00", ".000Z"))
                .put("ImageId", Ec2Names.imageId(i.id())).put("ImageLocation", "glance/" + i.name()).put("ImageType", "machine")
                .put("Public", !i.visibility().equals("private")).put("OwnerId", Ec2Names.accountId(i.owner()))
                .put("PlatformDetails", "Linux/UNIX").put("UsageOperation", "RunInstances").put("State", i.status().equals("active") ? "available" : "pending");
        o.set("BlockDeviceMappings", AwsJson.arr());
        o.put("Description", i.properties().getOrDefault("os_distro", "") + " " + i.properties().getOrDefault("os_version", ""));
        o.put("EnaSupport", false).put("Hypervisor", "xen").put("Name", i.name()).put("RootDeviceName", "/dev/vda")
                .put("RootDeviceType", "instance-store").put("VirtualizationType", "hvm");
        return o;
    }
}
