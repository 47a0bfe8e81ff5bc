package novalab.engine.image;

import java.util.Map;

/**
 * A Glance v2 image. Custom properties ({@code hw_architecture}, {@code os_distro}, {@code os_admin_user},
 * {@code trait:CUSTOM_GPU}, ...) travel as extra string keys, as in Glance.
 */
public record Image(String id, String name, String status, String visibility, String diskFormat,
                    String containerFormat, long size, long virtualSize, int minDisk, int minRam, String checksum,
                    String owner, String createdAt, String updatedAt, boolean isProtected,
                    Map<String, String> properties) {
    public Image {
        properties = novalab.engine.common.Ordered.map(properties);
    }

    public ImageMeta meta() { return new ImageMeta(id, name, properties); }

    /** The image's default login user ({@code os_admin_user}), cloud-image convention. */
    public String defaultUser() { return properties.getOrDefault("os_admin_user", "root"); }
}
