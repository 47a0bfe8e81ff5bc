package novalab.engine.scheduler.external;

import java.util.List;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/** Turns the scheduler's host states and request spec into the plain records student code sees. */
public final class Views {
    private Views() {}

    public static ExternalScheduling.HostView of(HostState h) {
        return new ExternalScheduling.HostView(h.host(), h.nodename(), h.cellName(), h.totalUsableRamMb(), h.freeRamMb(),
                h.vcpusTotal(), h.vcpusUsed(), h.totalUsableDiskGb(), h.freeDiskMb(), h.numInstances(),
                h.pciDevicesFree().getOrDefault("gpu", 0), h.traits());
    }

    public static ExternalScheduling.RequestView of(RequestSpec spec) {
        var f = spec.flavor();
        return new ExternalScheduling.RequestView(f.name(), f.vcpus(), f.ramMb(), f.diskGb(), f.extraSpecs(), spec.image().name());
    }

    public static ExternalScheduling.HostCase caseOf(List<HostState> hosts, RequestSpec spec) {
        return new ExternalScheduling.HostCase(hosts.stream().map(Views::of).toList(), of(spec));
    }
}
