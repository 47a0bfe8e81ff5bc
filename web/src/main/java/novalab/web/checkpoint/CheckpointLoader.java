package novalab.web.checkpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads one checkpoint file strictly: unknown or missing fields, wrong types, duplicate ids, a single-choice
 * item without exactly one right option and the like are {@link ContentError}s naming the file and the field
 * ({@code items[2].options[0].rationale}).
 */
public final class CheckpointLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A content file that does not follow the format; the message names the file and the field. */
    public static final class ContentError extends RuntimeException {
        public ContentError(String message) {
            super(message);
        }
    }

    private CheckpointLoader() {}

    public static Checkpoint parse(String file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ContentError(file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        }
        Obj o = new Obj(file, "", root);
        o.only("lesson", "title", "reflections", "items", "checklist");
        String lesson = o.id("lesson");
        List<Prompt> reflections = o.list("reflections", false, Obj::prompt);
        List<Item> items = o.list("items", false, (x, i) -> x.item(lesson));
        List<Prompt> checklist = o.list("checklist", false, Obj::prompt);
        unique(file, "reflections", reflections.stream().map(Prompt::id).toList());
        unique(file, "items", items.stream().map(Item::id).toList());
        unique(file, "checklist", checklist.stream().map(Prompt::id).toList());
        return new Checkpoint(lesson, o.text("title"), reflections, items, checklist);
    }

    static void unique(String file, String field, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) throw new ContentError(file + ": " + field + ": the id '" + id + "' is used twice");
        }
    }

    /** One JSON object at {@code path} in {@code file}. */
    private record Obj(String file, String path, JsonNode node) {
        Obj {
            if (!node.isObject()) throw new ContentError(file + ": " + (path.isEmpty() ? "the file" : path) + " must be an object");
        }

        String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        ContentError error(String field, String what) {
            return new ContentError(file + ": " + at(field) + " " + what);
        }

        void only(String... fields) {
            Set<String> allowed = Set.of(fields);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) throw error(f, "is not a known field (expected one of " + String.join(", ", fields) + ")");
            }
        }

        String text(String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) throw error(field, "is missing");
            if (!v.isTextual() || v.asText().isBlank()) throw error(field, "must be a non-blank string");
            return v.asText().strip();
        }

        String id(String field) {
            String v = text(field);
            if (!ID.matcher(v).matches()) throw error(field, "must be an id of lower-case letters, digits and '-', not '" + v + "'");
            return v;
        }

        boolean bool(String field) {
            JsonNode v = node.get(field);
            if (v == null) return false;
            if (!v.isBoolean()) throw error(field, "must be true or false");
            return v.asBoolean();
        }

        <T> List<T> list(String field, boolean required, BiFunction<Obj, Integer, T> each) {
            JsonNode v = node.get(field);
            if (v == null) {
                if (required) throw error(field, "is missing");
                return List.of();
            }
            if (!v.isArray()) throw error(field, "must be a list");
            if (required && v.isEmpty()) throw error(field, "must not be empty");
            List<T> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) out.add(each.apply(new Obj(file, at(field) + "[" + i + "]", v.get(i)), i));
            return out;
        }

        List<String> strings(String field) {
            JsonNode v = node.get(field);
            if (v == null) throw error(field, "is missing");
            if (!v.isArray() || v.isEmpty()) throw error(field, "must be a non-empty list of strings");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) throw error(field + "[" + i + "]", "must be a non-blank string");
                out.add(v.get(i).asText().strip());
            }
            return out;
        }

        Prompt prompt(int i) {
            only("id", "text");
            return new Prompt(id("id"), text("text"));
        }

        Option option(boolean withCorrect) {
            if (withCorrect) {
                only("id", "text", "correct", "rationale");
                if (!node.has("correct")) throw error("correct", "is missing");
            } else {
                only("id", "text", "rationale");
            }
            return new Option(id("id"), text("text"), withCorrect && bool("correct"), text("rationale"));
        }

        Item item(String lesson) {
            String kind = text("kind");
            String id = id("id");
            String prompt = text("prompt");
            switch (kind) {
                case "single", "multiple" -> {
                    only("id", "kind", "prompt", "options");
                    return choice(id, lesson, prompt, kind.equals("multiple"), false);
                }
                case "ordering" -> {
                    only("id", "kind", "prompt", "steps");
                    List<Option> steps = list("steps", true, (x, i) -> x.option(false));
                    if (steps.size() < 2) throw error("steps", "needs at least two steps");
                    unique(file, at("steps"), steps.stream().map(Option::id).toList());
                    return new OrderingItem(id, lesson, prompt, steps);
                }
                case "matching" -> {
                    only("id", "kind", "prompt", "left", "right", "pairs");
                    List<Pair> pairs = list("pairs", true, (x, i) -> {
                        x.only("id", "left", "right", "rationale");
                        return new Pair(x.id("id"), x.text("left"), x.text("right"), x.text("rationale"));
                    });
                    if (pairs.size() < 2) throw error("pairs", "needs at least two pairs");
                    unique(file, at("pairs"), pairs.stream().map(Pair::id).toList());
                    unique(file, at("pairs") + " (right side)", pairs.stream().map(Pair::right).toList());
                    return new MatchingItem(id, lesson, prompt, text("left"), text("right"), pairs);
                }
                case "command" -> {
                    String answer = text("answer");
                    if (answer.equals("pick")) {
                        only("id", "kind", "prompt", "answer", "options");
                        return choice(id, lesson, prompt, false, true);
                    }
                    if (!answer.equals("type")) throw error("answer", "must be \"pick\" or \"type\", not '" + answer + "'");
                    only("id", "kind", "prompt", "answer", "accepted", "rationale", "wrong");
                    List<WrongForm> wrong = list("wrong", false, (x, i) -> {
                        x.only("answer", "rationale");
                        return new WrongForm(x.text("answer"), x.text("rationale"));
                    });
                    TypedCommandItem t = new TypedCommandItem(id, lesson, prompt, strings("accepted"), text("rationale"), wrong);
                    for (WrongForm w : wrong) {
                        if (t.accepted().stream().anyMatch(a -> CommandForms.matches(a, w.answer()))) {
                            throw error("wrong", "lists '" + w.answer() + "', which is also an accepted form");
                        }
                    }
                    return t;
                }
                default -> throw error("kind", "must be single, multiple, ordering, matching or command, not '" + kind + "'");
            }
        }

        ChoiceItem choice(String id, String lesson, String prompt, boolean multiple, boolean commands) {
            List<Option> options = list("options", true, (x, i) -> x.option(true));
            if (options.size() < 2) throw error("options", "needs at least two options");
            unique(file, at("options"), options.stream().map(Option::id).toList());
            long right = options.stream().filter(Option::correct).count();
            if (!multiple && right != 1) throw error("options", "must have exactly one option with \"correct\": true (it has " + right + ")");
            if (multiple && right < 1) throw error("options", "must have at least one option with \"correct\": true");
            return new ChoiceItem(id, lesson, prompt, multiple, commands, options);
        }
    }
}
