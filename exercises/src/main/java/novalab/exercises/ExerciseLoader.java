package novalab.exercises;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import novalab.engine.Cloud;
import novalab.exercises.checks.Check;
import novalab.exercises.checks.Checks;
import novalab.exercises.checks.Fields;
import novalab.exercises.checks.ServerHas;
import novalab.exercises.checks.ServiceStatus;

/**
 * Reads one exercise folder strictly: {@code info.json}, {@code prompt.md}, optional {@code setup.txt},
 * {@code checks.json}, optional {@code solution.txt} and optional {@code hints.md}. An unknown key, a missing field, a wrong type or
 * a name the scenario does not have is a {@link ContentError} naming the file and the field.
 */
public final class ExerciseLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExerciseLoader() {}

    public static Exercise load(Path dir) {
        String id = dir.getFileName().toString();
        String base = id + "/";
        String infoFile = base + "info.json";
        Fields info = new Fields(readJson(dir.resolve("info.json"), infoFile), infoFile, "");
        String uuid = info.str("uuid");
        if (!uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) throw info.error("uuid", "expected a lower-case UUID");
        String title = info.str("title");
        String topic = info.optStr("topic").orElse("");
        List<String> tags = info.strList("tags", false);
        int points = info.integer("points");
        long seed = info.optInt("seed").orElse(9);
        String scenario = info.optStr("scenario").orElse("nebula-inc.json");
        info.done();
        Names names;
        try {
            names = Names.of(JSON.readTree(Cloud.resource(scenario)));
        } catch (IllegalArgumentException | IOException e) {
            throw info.error("scenario", "no scenario named `" + scenario + "`");
        }

        String prompt = read(dir.resolve("prompt.md"), base + "prompt.md").orElseThrow(
                () -> new ContentError(base + "prompt.md", "", "missing file"));
        if (prompt.isBlank()) throw new ContentError(base + "prompt.md", "", "empty prompt");
        List<String> setup = read(dir.resolve("setup.txt"), base + "setup.txt").map(ExerciseLoader::commandLines).orElse(List.of());

        String checksFile = base + "checks.json";
        Fields top = new Fields(readJson(dir.resolve("checks.json"), checksFile), checksFile, "");
        JsonNode arr = readArray(top, "checks");
        top.done();
        List<Check> checks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            String path = "checks[" + i + "]";
            Check c = Checks.parse(arr.get(i), checksFile, path);
            if (!ids.add(c.info().id())) throw new ContentError(checksFile, path + ".id", "duplicate check id `" + c.info().id() + "`");
            names.verify(c, checksFile, path);
            checks.add(c);
        }
        if (checks.isEmpty()) throw new ContentError(checksFile, "checks", "an exercise needs at least one check");
        int sum = checks.stream().mapToInt(c -> c.info().points()).sum();
        if (sum != points) throw new ContentError(infoFile, "points", "says " + points + " but the checks add up to " + sum);
        Optional<String> solution = read(dir.resolve("solution.txt"), base + "solution.txt");
        List<String> hints = read(dir.resolve("hints.md"), base + "hints.md").map(t -> hints(t, base + "hints.md")).orElse(List.of());
        return new Exercise(id, uuid, title, topic, tags, points, seed, scenario, prompt, setup, checks, solution, hints);
    }

    /**
     * The hints of {@code hints.md}: Markdown blocks separated by lines holding only {@code ---}, in the order they are
     * revealed. An empty block, or a file without any hint, is an error naming the hint.
     */
    public static List<String> hints(String text, String file) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String l : (text + "\n---").split("\n", -1)) {
            if (l.strip().equals("---")) {
                if (cur.toString().isBlank()) throw new ContentError(file, "hint " + (out.size() + 1), "empty hint (two `---` lines in a row, or one at the start or end)");
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(l).append('\n');
            }
        }
        return List.copyOf(out);
    }

    /** Non-blank lines that are not {@code #} comments. */
    public static List<String> commandLines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#")) out.add(l.stripTrailing());
        }
        return List.copyOf(out);
    }

    private static JsonNode readArray(Fields f, String key) {
        return f.arrayOf(key);
    }

    private static JsonNode readJson(Path p, String file) {
        String text = read(p, file).orElseThrow(() -> new ContentError(file, "", "missing file"));
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ContentError(file, "", "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
    }

    private static Optional<String> read(Path p, String file) {
        if (!Files.isRegularFile(p)) return Optional.empty();
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": unreadable", e);
        }
    }

    /** The names a scenario defines, for checking the references in checks. */
    private record Names(Set<String> images, Set<String> networks, Set<String> hosts, Set<String> zones, Set<String> cells,
                         Set<String> projects, Set<String> users) {
        static Names of(JsonNode sc) {
            Set<String> images = new HashSet<>(), networks = new HashSet<>(), hosts = new HashSet<>(), zones = new HashSet<>(),
                    cells = new HashSet<>(), projects = new HashSet<>(), users = new HashSet<>();
            sc.path("images").forEach(x -> images.add(x.path("name").asText()));
            sc.path("networks").forEach(x -> networks.add(x.path("name").asText()));
            sc.path("hosts").forEach(x -> hosts.add(x.path("hostname").asText()));
            sc.path("aggregates").forEach(x -> { if (x.has("availability_zone")) zones.add(x.path("availability_zone").asText()); });
            zones.add("nova");
            sc.path("cells").forEach(x -> cells.add(x.asText()));
            sc.path("projects").forEach(x -> projects.add(x.path("name").asText()));
            sc.path("users").forEach(x -> users.add(x.path("name").asText()));
            return new Names(images, networks, hosts, zones, cells, projects, users);
        }

        void verify(Check c, String file, String path) {
            if (c instanceof ServerHas s) {
                ref(s.expected().get("image"), images, "image", file, path);
                ref(s.expected().get("network"), networks, "network", file, path);
                ref(s.expected().get("host"), hosts, "host", file, path);
                ref(s.expected().get("az"), zones, "az", file, path);
                ref(s.expected().get("cell"), cells, "cell", file, path);
                ref(s.project().orElse(null), projects, "project", file, path);
            } else if (c instanceof ServiceStatus s) {
                ref(s.host(), hosts, "host", file, path);
            } else if (c instanceof novalab.exercises.checks.IngressRule r) {
                ref(r.project(), projects, "project", file, path);
            } else if (c instanceof novalab.exercises.checks.FloatingIps u) {
                ref(u.project(), projects, "project", file, path);
            } else if (c instanceof novalab.exercises.checks.KeypairOf k) {
                ref(k.user(), users, "user", file, path);
            }
        }

        private static void ref(String value, Set<String> known, String field, String file, String path) {
            if (value != null && !known.contains(value)) {
                throw new ContentError(file, path + "." + field, "the scenario has no " + field + " named `" + value + "`");
            }
        }
    }
}
