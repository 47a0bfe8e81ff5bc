package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import novalab.engine.compute.Flavor;
import novalab.engine.image.Image;

/**
 * Azure VM sizes and image aliases, and how they land on the engine. A size maps onto the smallest
 * public Nova flavor (by RAM, then vCPUs) that has at least the size's vCPUs and memory and a root
 * disk large enough for the image, so {@code Standard_B1s} (1 vCPU, 1 GiB) runs as {@code m1.small};
 * an image alias maps onto the Glance image of the same distribution when the lab has one.
 */
final class VmCatalog {
    private VmCatalog() {}

    /** One size as {@code vm list-sizes} reports it. */
    record Size(String name, int cores, int memoryMb, int resourceDiskMb, int maxDataDisks) {
        ObjectNode json() {
            ObjectNode o = AzOutput.object();
            o.put("maxDataDiskCount", maxDataDisks);
            o.put("memoryInMb", memoryMb);
            o.put("name", name);
            o.put("numberOfCores", cores);
            o.put("osDiskSizeInMb", 1047552);
            o.put("resourceDiskSizeInMb", resourceDiskMb);
            return o;
        }
    }

    static final String DEFAULT_SIZE = "Standard_DS1_v2";

    static final List<Size> SIZES = List.of(
            new Size("Standard_B1ls", 1, 512, 4096, 2),
            new Size("Standard_B1s", 1, 1024, 4096, 2),
            new Size("Standard_B1ms", 1, 2048, 4096, 2),
            new Size("Standard_B2s", 2, 4096, 8192, 4),
            new Size("Standard_B2ms", 2, 8192, 16384, 4),
            new Size("Standard_B4ms", 4, 16384, 32768, 8),
            new Size("Standard_DS1_v2", 1, 3584, 7168, 4),
            new Size("Standard_DS2_v2", 2, 7168, 14336, 8),
            new Size("Standard_D2s_v3", 2, 8192, 16384, 4),
            new Size("Standard_D4s_v3", 4, 16384, 32768, 8));

    static Optional<Size> size(String name) {
        return SIZES.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    static Optional<Flavor> flavorFor(Size size, Image image, List<Flavor> flavors) {
        return flavors.stream().filter(f -> f.isPublic() && f.vcpus() >= size.cores() && f.ramMb() >= size.memoryMb()
                        && (f.diskGb() == 0 || f.diskGb() >= image.minDisk()))
                .min(Comparator.comparingInt(Flavor::ramMb).thenComparingInt(Flavor::vcpus).thenComparingInt(Flavor::diskGb));
    }

    /** An image alias of the CLI's offline list; {@code glanceName} is the lab image it runs as, if any. */
    record Alias(String alias, String publisher, String offer, String sku, Optional<String> glanceName) {
        String urn() { return publisher + ":" + offer + ":" + sku + ":latest"; }

        ObjectNode json() {
            ObjectNode o = AzOutput.object();
            o.put("architecture", "x64");
            o.put("offer", offer);
            o.put("publisher", publisher);
            o.put("sku", sku);
            o.put("urn", urn());
            o.put("urnAlias", alias);
            o.put("version", "latest");
            return o;
        }
    }

    static final List<Alias> ALIASES = List.of(
            new Alias("CentOS85Gen2", "OpenLogic", "CentOS", "8_5-gen2", Optional.empty()),
            new Alias("Debian11", "Debian", "debian-11", "11-backports-gen2", Optional.empty()),
            new Alias("FlatcarLinuxFreeGen2", "kinvolk", "flatcar-container-linux-free", "stable-gen2", Optional.empty()),
            new Alias("OpenSuseLeap154Gen2", "SUSE", "opensuse-leap-15-4", "gen2", Optional.empty()),
            new Alias("RHELRaw8LVMGen2", "RedHat", "RHEL", "8-lvm-gen2", Optional.empty()),
            new Alias("SuseSles15SP3", "SUSE", "sles-15-sp3", "gen2", Optional.empty()),
            new Alias("Ubuntu2204", "Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", Optional.of("ubuntu-22.04")),
            new Alias("UbuntuLTS", "Canonical", "UbuntuServer", "18.04-LTS", Optional.empty()),
            new Alias("Win2022Datacenter", "MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-g2", Optional.empty()),
            new Alias("Win2022AzureEditionCore", "MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition-core", Optional.empty()),
            new Alias("Win2019Datacenter", "MicrosoftWindowsServer", "WindowsServer", "2019-Datacenter", Optional.empty()),
            new Alias("Win2016Datacenter", "MicrosoftWindowsServer", "WindowsServer", "2016-Datacenter", Optional.empty()),
            new Alias("Win2012R2Datacenter", "MicrosoftWindowsServer", "WindowsServer", "2012-R2-Datacenter", Optional.empty()),
            new Alias("Win2012Datacenter", "MicrosoftWindowsServer", "WindowsServer", "2012-Datacenter", Optional.empty()));

    /** By alias (case-insensitive, as the CLI matches) or by URN. */
    static Optional<Alias> alias(String image) {
        return ALIASES.stream().filter(a -> a.alias().equalsIgnoreCase(image) || a.urn().equalsIgnoreCase(image)).findFirst();
    }

    /** Azure locations the lab accepts; all of them are the one simulated region. */
    static final List<String> LOCATIONS = List.of("eastus", "eastus2", "westus", "westus2", "westus3", "centralus",
            "northcentralus", "southcentralus", "canadacentral", "brazilsouth", "northeurope", "westeurope", "uksouth",
            "francecentral", "germanywestcentral", "swedencentral", "switzerlandnorth", "norwayeast", "eastasia",
            "southeastasia", "japaneast", "koreacentral", "centralindia", "australiaeast", "southafricanorth", "uaenorth");
}
