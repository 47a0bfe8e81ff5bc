package novalab.engine.image;

import java.util.Map;

/**
 * The parts of a Glance image that scheduling and spawning read: id, name and its custom properties
 * ({@code hw_architecture}, {@code img_hv_type}, {@code hw_vm_mode}, {@code os_secure_boot},
 * {@code trait:CUSTOM_GPU}, ...).
 */
public record ImageMeta(String id, String name, Map<String, String> properties) {
    public ImageMeta {
        properties = novalab.engine.common.Ordered.map(properties);
    }

    public java.util.Optional<String> property(String key) {
        return java.util.Optional.ofNullable(properties.get(key));
    }
}
