package nova.scheduler;

import java.util.Map;

/** What the boot request asks for: the flavor's name, vCPUs, RAM (MB), disk (GB) and extra specs, and the image's name. */
public record RequestSpec(String flavorName, int vcpus, int ramMb, int diskGb, Map<String, String> extraSpecs, String imageName) {}
