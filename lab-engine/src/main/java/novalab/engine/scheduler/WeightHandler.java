package novalab.engine.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import novalab.engine.scheduler.weights.HostWeigher;

/**
 * Simulates nova.weights.BaseWeightHandler.get_weighed_objects. Each weigher's raw weights are clamped to
 * its minval/maxval, normalised to 0..1, multiplied by the host's multiplier and summed; the hosts come
 * back sorted by total weight, highest first, ties in input order.
 */
public final class WeightHandler {
    private WeightHandler() {}

    public static List<WeighedHost> weigh(List<HostWeigher> weighers, List<HostState> hosts) {
        if (hosts.size() <= 1) {
            return hosts.stream().map(h -> new WeighedHost(h, 0.0, Map.of(), Map.of(), Map.of())).toList();
        }
        int n = hosts.size();
        double[] totals = new double[n];
        List<Map<String, Double>> raws = maps(n);
        List<Map<String, Double>> norms = maps(n);
        List<Map<String, Double>> multipliers = maps(n);
        for (HostWeigher w : weighers) {
            List<Double> raw = new ArrayList<>();
            for (HostState h : hosts) {
                double weight = w.weigh(h);
                if (w.minval().isPresent()) weight = Math.max(weight, w.minval().getAsDouble());
                if (w.maxval().isPresent()) weight = Math.min(weight, w.maxval().getAsDouble());
                raw.add(weight);
            }
            List<Double> norm = normalize(raw, w.minval(), w.maxval());
            for (int i = 0; i < n; i++) {
                double m = w.weightMultiplier(hosts.get(i));
                totals[i] += m * norm.get(i);
                raws.get(i).put(w.name(), raw.get(i));
                norms.get(i).put(w.name(), norm.get(i));
                multipliers.get(i).put(w.name(), m);
            }
        }
        List<WeighedHost> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new WeighedHost(hosts.get(i), totals[i], raws.get(i), norms.get(i), multipliers.get(i)));
        }
        // List.sort is stable, like Python's sorted(..., reverse=True): ties keep input order.
        out.sort((a, b) -> a.weight() > b.weight() ? -1 : a.weight() < b.weight() ? 1 : 0);
        return List.copyOf(out);
    }

    /**
     * Simulates nova.weights.normalize: scales to 0..1 between minval (else the smallest weight) and maxval
     * (else the largest); all zeros when the two are equal.
     */
    static List<Double> normalize(List<Double> weights, OptionalDouble minval, OptionalDouble maxval) {
        if (weights.isEmpty()) {
            return List.of();
        }
        double lo = minval.orElse(weights.stream().mapToDouble(Double::doubleValue).min().getAsDouble());
        double hi = maxval.orElse(weights.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
        if (lo == hi) {
            return weights.stream().map(x -> 0.0).toList();
        }
        double range = hi - lo;
        return weights.stream().map(x -> (x - lo) / range).toList();
    }

    private static List<Map<String, Double>> maps(int n) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new LinkedHashMap<>());
        return out;
    }
}
