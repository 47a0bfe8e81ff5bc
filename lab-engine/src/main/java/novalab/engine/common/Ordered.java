package novalab.engine.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Unmodifiable copies that keep their iteration order. {@code Map.copyOf}/{@code Set.copyOf} iterate
 * in an order salted per JVM run, which would make two replays of one history print differently.
 */
public final class Ordered {
    private Ordered() {}

    public static <K, V> Map<K, V> map(Map<? extends K, ? extends V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    public static <T> Set<T> set(java.util.Collection<? extends T> s) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(s));
    }
}
