package novalab.exercises.checks;

import java.util.Optional;
import novalab.engine.db.Service;

/** {@code service}: a Nova service on a host is {@code enabled} or {@code disabled} (as {@code openstack compute service list} shows). */
public record ServiceStatus(CheckInfo info, String host, String binary, String status) implements Check {
    static ServiceStatus parse(CheckInfo info, Fields f) {
        String status = f.str("status");
        if (!status.equals("enabled") && !status.equals("disabled")) throw f.error("status", "expected enabled or disabled");
        return new ServiceStatus(info, f.str("host"), f.optStr("binary").orElse("nova-compute"), status);
    }

    @Override
    public Observation evaluate(Probe probe) {
        Optional<Service> s = probe.cloud().db().services().stream().filter(x -> x.host.equals(host) && x.binary.equals(binary)).findFirst();
        if (s.isEmpty()) return Observation.fail("no " + binary + " service on " + host);
        String actual = s.get().disabled() ? "disabled" : "enabled";
        return Observation.of(actual.equals(status), binary + " on " + host + ": " + actual);
    }
}
