package novalab.web.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import novalab.exercises.ContentError;
import novalab.exercises.checks.Fields;

/** The drills of {@code content/week9/drills.json}, read strictly: an unknown key, a missing field or a bad dialect names the drill. */
public final class Drills {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Drill> all;

    private Drills(List<Drill> all) {
        this.all = List.copyOf(all);
    }

    public static Drills of(List<Drill> drills) {
        return new Drills(drills);
    }

    public static Drills load(Path file) {
        String name = "drills.json";
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ContentError(name, "", "not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new ContentError(name, "", "unreadable: " + e.getMessage());
        }
        Fields top = new Fields(root, name, "");
        JsonNode arr = top.arrayOf("drills");
        top.done();
        List<Drill> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            Fields f = new Fields(arr.get(i), name, "drills[" + i + "]");
            String id = f.str("id");
            if (!id.matches("[a-z0-9-]+")) throw f.error("id", "use lower-case letters, digits and dashes");
            if (!ids.add(id)) throw f.error("id", "duplicate drill id `" + id + "`");
            String title = f.str("title");
            Dialect from = dialect(f, "from");
            Dialect to = dialect(f, "to");
            if (from == to) throw f.error("to", "must differ from `from`");
            List<String> setup = f.strList("setup", false);
            List<String> given = f.strList("given", true);
            List<String> reference = f.strList("reference", true);
            String task = f.str("task");
            String tip = f.str("tip");
            long seed = f.optInt("seed").orElse(9);
            f.done();
            out.add(new Drill(id, title, from, to, setup, given, reference, task, tip, seed));
        }
        if (out.isEmpty()) throw new ContentError(name, "drills", "needs at least one drill");
        return new Drills(out);
    }

    private static Dialect dialect(Fields f, String key) {
        String v = f.str(key);
        return Dialect.of(v).orElseThrow(() -> f.error(key, "`" + v + "` is not one of openstack, aws, az"));
    }

    public List<Drill> all() { return all; }

    public Optional<Drill> find(String id) {
        return all.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
