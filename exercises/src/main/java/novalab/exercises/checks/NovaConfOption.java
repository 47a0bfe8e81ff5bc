package novalab.exercises.checks;

import java.util.Optional;
import novalab.engine.conf.NovaConf;

/**
 * {@code nova_conf}: an option of the controller's nova.conf equals a value, or is a number below or
 * above a bound. With {@code running: true} it is the value the running services loaded (so an edit
 * only counts after the service restarts).
 */
public record NovaConfOption(CheckInfo info, String section, String key, Optional<String> equals, Optional<Double> below,
                             Optional<Double> above, boolean running) implements Check {
    static NovaConfOption parse(CheckInfo info, Fields f) {
        NovaConfOption c = new NovaConfOption(info, f.str("section"), f.str("key"), f.optStr("equals"), f.optNumber("below"),
                f.optNumber("above"), f.optBool("running").orElse(false));
        if (c.equals.isEmpty() && c.below.isEmpty() && c.above.isEmpty()) throw f.error("equals", "a nova_conf check needs equals, below or above");
        return c;
    }

    @Override
    public Observation evaluate(Probe probe) {
        NovaConf conf = running ? probe.cloud().activeConf() : probe.cloud().readConf();
        String where = running ? " (loaded by the running services)" : " (in /etc/nova/nova.conf)";
        Optional<String> v = conf.optional(section, key);
        if (v.isEmpty()) return Observation.fail("[" + section + "] " + key + " is not set" + where);
        boolean ok = equals.map(e -> e.equals(v.get().trim())).orElse(true);
        if (below.isPresent() || above.isPresent()) {
            try {
                double d = Double.parseDouble(v.get().trim());
                ok &= below.map(b -> d < b).orElse(true) && above.map(a -> d > a).orElse(true);
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        return Observation.of(ok, "[" + section + "] " + key + " = " + v.get().trim() + where);
    }
}
