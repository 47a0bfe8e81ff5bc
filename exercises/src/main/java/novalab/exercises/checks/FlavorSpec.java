package novalab.exercises.checks;

import java.util.Optional;
import novalab.engine.compute.Flavor;

/** {@code flavor}: a flavor with this name exists, with the given vCPUs, RAM (MB), disk (GB) and visibility where stated. */
public record FlavorSpec(CheckInfo info, String flavor, Optional<Integer> vcpus, Optional<Integer> ram, Optional<Integer> disk,
                         Optional<Boolean> isPublic) implements Check {
    static FlavorSpec parse(CheckInfo info, Fields f) {
        return new FlavorSpec(info, f.str("flavor"), f.optInt("vcpus"), f.optInt("ram"), f.optInt("disk"), f.optBool("public"));
    }

    @Override
    public Observation evaluate(Probe probe) {
        Optional<Flavor> fl = probe.cloud().db().api.flavors.values().stream().filter(x -> x.name().equals(flavor)).findFirst();
        if (fl.isEmpty()) return Observation.fail("no flavor named " + flavor);
        Flavor x = fl.get();
        boolean ok = vcpus.map(v -> v == x.vcpus()).orElse(true) && ram.map(v -> v == x.ramMb()).orElse(true)
                && disk.map(v -> v == x.diskGb()).orElse(true) && isPublic.map(v -> v == x.isPublic()).orElse(true);
        return Observation.of(ok, "flavor " + flavor + ": " + x.vcpus() + " vCPU, " + x.ramMb() + " MB RAM, " + x.diskGb()
                + " GB disk, " + (x.isPublic() ? "public" : "private"));
    }
}
