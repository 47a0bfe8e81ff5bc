package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import novalab.engine.compute.Flavor;

/**
 * {@code describe-instance-types} items from flavors: vCPUs and memory are the flavor's; what AWS adds
 * (generation, free tier, burstable, architecture, network performance) comes from this table of the
 * common types, and a flavor not in it (m1.*) reads as a previous-generation x86_64 type.
 */
final class InstanceTypes {
    private record Traits(boolean current, boolean freeTier, boolean burstable, String arch, String hypervisor,
                          double ghz, String network) {}

    private static final Map<String, Traits> TRAITS = Map.ofEntries(
            Map.entry("t2.nano", new Traits(true, false, true, "x86_64", "xen", 2.4, "Low to Moderate")),
            Map.entry("t2.micro", new Traits(true, false, true, "x86_64", "xen", 2.5, "Low to Moderate")),
            Map.entry("t2.small", new Traits(true, false, true, "x86_64", "xen", 2.5, "Low to Moderate")),
            Map.entry("t2.medium", new Traits(true, false, true, "x86_64", "xen", 2.3, "Low to Moderate")),
            Map.entry("t2.large", new Traits(true, false, true, "x86_64", "xen", 2.3, "Low to Moderate")),
            Map.entry("t2.xlarge", new Traits(true, false, true, "x86_64", "xen", 2.3, "Moderate")),
            Map.entry("t3.micro", new Traits(true, true, true, "x86_64", "nitro", 2.5, "Up to 5 Gigabit")),
            Map.entry("t3.small", new Traits(true, true, true, "x86_64", "nitro", 2.5, "Up to 5 Gigabit")),
            Map.entry("t3.medium", new Traits(true, false, true, "x86_64", "nitro", 2.5, "Up to 5 Gigabit")),
            Map.entry("t3.large", new Traits(true, false, true, "x86_64", "nitro", 2.5, "Up to 5 Gigabit")),
            Map.entry("t4g.micro", new Traits(true, true, true, "arm64", "nitro", 2.5, "Up to 5 Gigabit")),
            Map.entry("m5.large", new Traits(true, false, false, "x86_64", "nitro", 3.1, "Up to 10 Gigabit")),
            Map.entry("m5.xlarge", new Traits(true, false, false, "x86_64", "nitro", 3.1, "Up to 10 Gigabit")),
            Map.entry("c5.large", new Traits(true, false, false, "x86_64", "nitro", 3.4, "Up to 10 Gigabit")),
            Map.entry("c5.xlarge", new Traits(true, false, false, "x86_64", "nitro", 3.4, "Up to 10 Gigabit")),
            Map.entry("c5.2xlarge", new Traits(true, false, false, "x86_64", "nitro", 3.4, "Up to 10 Gigabit")),
            Map.entry("r5.large", new Traits(true, false, false, "x86_64", "nitro", 3.1, "Up to 10 Gigabit")));

    private static final Traits PREVIOUS = new Traits(false, false, false, "x86_64", "xen", 2.0, "Moderate");

    private InstanceTypes() {}

    static String architecture(Flavor f) { return TRAITS.getOrDefault(f.name(), PREVIOUS).arch(); }

    static ObjectNode of(Flavor f) {
        Traits t = TRAITS.getOrDefault(f.name(), PREVIOUS);
        ObjectNode o = AwsJson.obj().put("InstanceType", f.name()).put("CurrentGeneration", t.current()).put("FreeTierEligible", t.freeTier());
        o.set("SupportedUsageClasses", AwsJson.arr().add("on-demand").add("spot"));
        o.set("SupportedRootDeviceTypes", AwsJson.arr().add("ebs"));
        o.set("SupportedVirtualizationTypes", AwsJson.arr().add("hvm"));
        o.put("BareMetal", false).put("Hypervisor", t.hypervisor());
        ObjectNode proc = AwsJson.obj();
        proc.set("SupportedArchitectures", AwsJson.arr().add(t.arch()));
        proc.put("SustainedClockSpeedInGhz", t.ghz());
        o.set("ProcessorInfo", proc);
        ObjectNode cpu = AwsJson.obj().put("DefaultVCpus", f.vcpus()).put("DefaultCores", f.vcpus()).put("DefaultThreadsPerCore", 1);
        o.set("VCpuInfo", cpu);
        o.set("MemoryInfo", AwsJson.obj().put("SizeInMiB", f.ramMb()));
        o.put("InstanceStorageSupported", false);
        o.set("EbsInfo", AwsJson.obj().put("EbsOptimizedSupport", "unsupported").put("EncryptionSupport", "supported")
                .put("NvmeSupport", "unsupported"));
        o.set("NetworkInfo", AwsJson.obj().put("NetworkPerformance", t.network()).put("MaximumNetworkInterfaces", 2)
                .put("Ipv4AddressesPerInterface", 2).put("Ipv6Supported", false));
        o.set("PlacementGroupInfo", AwsJson.obj().set("SupportedStrategies", AwsJson.arr().add("partition").add("spread")));
        o.put("HibernationSupported", false).put("BurstablePerformanceSupported", t.burstable()).put("DedicatedHostsSupported", false)
                .put("AutoRecoverySupported", true);
        o.set("SupportedBootModes", AwsJson.arr().add("legacy-bios"));
        return o;
    }
}
