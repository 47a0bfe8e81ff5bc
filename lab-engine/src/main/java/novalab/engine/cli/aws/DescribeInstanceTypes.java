package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import novalab.engine.compute.Flavor;

/** {@code aws ec2 describe-instance-types}: the flavors the project may use, as instance types. */
final class DescribeInstanceTypes implements Ec2Operation {
    private static final Map<String, Function<ObjectNode, List<String>>> FILTERS = Map.of(
            "instance-type", o -> List.of(o.path("InstanceType").asText()),
            "vcpu-info.default-vcpus", o -> List.of(o.path("VCpuInfo").path("DefaultVCpus").asText()),
            "vcpu-info.default-cores", o -> List.of(o.path("VCpuInfo").path("DefaultCores").asText()),
            "memory-info.size-in-mib", o -> List.of(o.path("MemoryInfo").path("SizeInMiB").asText()),
            "current-generation", o -> List.of(o.path("CurrentGeneration").asText()),
            "free-tier-eligible", o -> List.of(o.path("FreeTierEligible").asText()),
            "burstable-performance-supported", o -> List.of(o.path("BurstablePerformanceSupported").asText()),
            "processor-info.supported-architecture", o -> List.of(o.path("ProcessorInfo").path("SupportedArchitectures").path(0).asText()),
            "hypervisor", o -> List.of(o.path("Hypervisor").asText()),
            "network-info.network-performance", o -> List.of(o.path("NetworkInfo").path("NetworkPerformance").asText()));

    public String name() { return "describe-instance-types"; }
    public String apiName() { return "DescribeInstanceTypes"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().list("--instance-types").structs("--filters").flag("--dry-run")
                .integer("--max-items", "--page-size").string("--starting-token");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        List<Flavor> flavors = ctx.compute().flavors(ctx.token(), Optional.empty());
        List<String> wanted = req.list("--instance-types");
        List<String> missing = wanted.stream().filter(t -> flavors.stream().noneMatch(f -> f.name().equals(t))).toList();
        if (!missing.isEmpty()) {
            throw new Ec2Error("InvalidInstanceType", "The following supplied instance types do not exist: [" + String.join(", ", missing) + "]");
        }
        List<ObjectNode> items = new ArrayList<>();
        for (Flavor f : flavors) if (wanted.isEmpty() || wanted.contains(f.name())) items.add(InstanceTypes.of(f));
        items = Filters.apply(req.structs("--filters"), FILTERS, items);
        ArrayNode arr = AwsJson.arr();
        items.forEach(arr::add);
        return Optional.of(AwsJson.obj().set("InstanceTypes", arr));
    }
}
