package novalab.web.cloud;

import java.util.List;

/**
 * One compute host as the resource tracker last reported it ({@code compute_nodes}), with the servers
 * placed on it. Bar lengths are precomputed so the template only draws.
 */
public record HostView(String host, String cell, String zone, boolean disabled, int memoryMb, int memoryMbUsed,
                       int vcpus, int vcpusUsed, List<String> servers) {
    /** Width of the used part of a bar of {@code full} pixels (at least 0, at most full). */
    public int ramBar(int full) { return bar(memoryMbUsed, memoryMb, full); }

    public int cpuBar(int full) { return bar(vcpusUsed, vcpus, full); }

    public int ramPercent() { return percent(memoryMbUsed, memoryMb); }

    public int cpuPercent() { return percent(vcpusUsed, vcpus); }

    private static int bar(int used, int total, int full) {
        return total <= 0 ? 0 : (int) Math.min(full, Math.max(0, Math.round((double) used * full / total)));
    }

    private static int percent(int used, int total) {
        return total <= 0 ? 0 : (int) Math.round(100.0 * used / total);
    }
}
