package novalab.engine.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.common.CloudError;
import novalab.engine.common.Ids;
import novalab.engine.common.SimClock;
import novalab.engine.identity.RequestContext;

/** Glance-lite: the image registry (public images plus each project's own, e.g. shelve snapshots). */
public final class Glance {
    private final SimClock clock;
    private final Ids ids;
    private final Map<String, Image> images = new LinkedHashMap<>();

    public Glance(SimClock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    public Image add(String name, String visibility, String owner, long size, long virtualSize, int minDisk, int minRam,
                     Map<String, String> properties) {
        String now = clock.isoZ();
        Image img = new Image(ids.uuid(), name, "active", visibility, "qcow2", "bare", size, virtualSize, minDisk, minRam,
                ids.hex(32), owner, now, now, false, properties);
        images.put(img.id(), img);
        return img;
    }

    /** Images the caller may see: public and community ones, and its project's own. */
    public List<Image> list(RequestContext ctx) {
        List<Image> out = new ArrayList<>();
        for (Image i : images.values()) {
            if (visible(ctx, i)) out.add(i);
        }
        return out;
    }

    private static boolean visible(RequestContext ctx, Image i) {
        return i.visibility().equals("public") || i.visibility().equals("community") || ctx.isAdmin()
                || i.owner().equals(ctx.projectId());
    }

    public Optional<Image> get(String id) { return Optional.ofNullable(images.get(id)); }

    /** {@code GET /v2/images/{id}}: 404 text as Glance gives it. */
    public Image show(RequestContext ctx, String id) {
        Image i = images.get(id);
        if (i == null || !visible(ctx, i)) throw new CloudError(404, "NotFound", "No image found with ID " + id);
        return i;
    }

    public List<Image> findByName(RequestContext ctx, String name) {
        return list(ctx).stream().filter(i -> i.name().equals(name)).toList();
    }

    public void delete(String id) { images.remove(id); }
}
