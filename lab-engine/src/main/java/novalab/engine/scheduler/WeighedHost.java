package novalab.engine.scheduler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Simulates nova.scheduler.weights.WeighedHost, with the working shown: per weigher name (in weigher order)
 * the raw weight after clamping to minval/maxval, the normalised weight and the multiplier used for this
 * host. All three maps are empty when there was at most one host and no weigher ran.
 */
public record WeighedHost(HostState host, double weight, Map<String, Double> raw, Map<String, Double> normalized,
                          Map<String, Double> multiplier) {
    public WeighedHost {
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        normalized = Collections.unmodifiableMap(new LinkedHashMap<>(normalized));
        multiplier = Collections.unmodifiableMap(new LinkedHashMap<>(multiplier));
    }
}
