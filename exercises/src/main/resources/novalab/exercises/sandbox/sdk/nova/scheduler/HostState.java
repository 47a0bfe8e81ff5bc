package nova.scheduler;

import java.util.Set;

/**
 * One candidate host, as the scheduler sees it when it asks your filter or weigher: its name, cell, RAM
 * (total and free, in MB), vCPUs (total and in use), disk (total GB, free MB), how many instances it runs,
 * how many free GPUs it has, and its traits (e.g. CUSTOM_GPU).
 */
public record HostState(String host, String nodename, String cell, int totalRamMb, int freeRamMb, int vcpus, int vcpusUsed,
                        int totalDiskGb, int freeDiskMb, int numInstances, int gpus, Set<String> traits) {
    /** vCPUs not yet in use (may be negative when the CPU allocation ratio overcommits). */
    public int freeVcpus() { return vcpus - vcpusUsed; }

    public boolean hasTrait(String trait) { return traits.contains(trait); }
}
