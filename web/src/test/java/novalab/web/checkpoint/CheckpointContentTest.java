package novalab.web.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import novalab.web.checkpoint.CheckpointLoader.ContentError;
import novalab.web.lesson.Lesson;
import novalab.web.lesson.Lessons;
import org.junit.jupiter.api.Test;

class CheckpointContentTest {
    @Test
    void every_quiz_file_is_listed_loads_and_belongs_to_a_lesson() throws Exception {
        Checkpoints all = Checkpoints.load();
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("../content/week9/quizzes"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).map(n -> n.replace(".json", "")).sorted().toList();
        }
        assertThat(all.all()).extracting(Checkpoint::lesson).containsExactlyElementsOf(files);
        List<String> lessons = Lessons.load().all().stream().map(Lesson::slug).toList();
        assertThat(lessons).containsAll(files);
        assertThat(all.all().stream().filter(c -> !c.items().isEmpty())).hasSize(6);
        assertThat(all.reflections()).hasSize(12);
        assertThat(all.checklist()).hasSize(3);
        assertThat(all.items()).extracting(Item::kind).contains("single", "multiple", "ordering", "matching", "command");
        assertThat(all.items()).anyMatch(i -> i instanceof TypedCommandItem).anyMatch(i -> i instanceof ChoiceItem c && c.commands());
    }

    @Test
    void the_reflection_questions_are_the_ones_under_each_lesson() throws Exception {
        for (Checkpoint c : Checkpoints.load().all()) {
            String md = Files.readString(Path.of("../content/week9/lessons/" + c.lesson() + ".md"));
            List<String> inLesson = new ArrayList<>();
            int at = md.indexOf("**Reflection**");
            if (at >= 0) {
                for (String line : md.substring(at).split("\n")) {
                    if (line.startsWith("- ")) inLesson.add(line.substring(2).replace("`", "").strip());
                    else if (line.startsWith("#")) break;
                }
            }
            assertThat(c.reflections()).as(c.lesson()).extracting(Prompt::text).containsExactlyElementsOf(inLesson);
        }
    }

    @Test
    void every_accepted_command_is_accepted_with_its_options_reordered_and_respaced() {
        for (Item i : Checkpoints.load().items()) {
            if (!(i instanceof TypedCommandItem t)) continue;
            for (String a : t.accepted()) {
                List<String> units = new ArrayList<>(CommandForms.units(a.replace("*", "'anything at all'")));
                java.util.function.Predicate<String> isGroup = u -> u.startsWith("-") && !u.matches("-\\d.*");
                List<String> words = units.stream().filter(isGroup.negate()).toList();
                List<String> groups = new ArrayList<>(units.stream().filter(isGroup).map(g -> g.contains(" ") && g.startsWith("--")
                        ? g.replaceFirst(" ", "=\"") + "\"" : g).toList());
                java.util.Collections.reverse(groups);
                String typed = "$ " + String.join("   ", words.subList(0, Math.min(3, words.size()))) + "  " + String.join("  ", groups)
                        + " " + String.join(" ", words.subList(Math.min(3, words.size()), words.size()));
                assertThat(t.grade(Map.of("typed", List.of(typed))).correct()).as(i.id() + ": " + typed).isTrue();
            }
            for (WrongForm w : t.wrong()) {
                assertThat(t.grade(Map.of("typed", List.of(w.answer()))).correct()).as(i.id() + ": " + w.answer()).isFalse();
            }
        }
    }

    @Test
    void a_malformed_file_is_refused_with_its_name_and_the_field() {
        String noRationale = """
                {"lesson": "03-scheduling", "title": "T", "items": [
                  {"id": "q", "kind": "single", "prompt": "P", "options": [
                    {"id": "a", "text": "A", "correct": true, "rationale": "R"},
                    {"id": "b", "text": "B", "correct": false}]}]}""";
        assertThatThrownBy(() -> CheckpointLoader.parse("content/week9/quizzes/03-scheduling.json", noRationale))
                .isInstanceOf(ContentError.class)
                .hasMessage("content/week9/quizzes/03-scheduling.json: items[0].options[1].rationale is missing");
        String twoRight = noRationale.replace("\"correct\": false}", "\"correct\": true, \"rationale\": \"R\"}");
        assertThatThrownBy(() -> CheckpointLoader.parse("x.json", twoRight))
                .hasMessage("x.json: items[0].options must have exactly one option with \"correct\": true (it has 2)");
        assertThatThrownBy(() -> CheckpointLoader.parse("x.json", "{\"lesson\": \"a\", \"title\": \"T\", \"colour\": 1}"))
                .hasMessageStartingWith("x.json: colour is not a known field");
        assertThatThrownBy(() -> CheckpointLoader.parse("x.json", "{\"lesson\": \"a\", \"title\": \"T\", \"items\": [{\"id\": \"q\", \"kind\": \"essay\", \"prompt\": \"P\"}]}"))
                .hasMessage("x.json: items[0].kind must be single, multiple, ordering, matching or command, not 'essay'");
        assertThatThrownBy(() -> CheckpointLoader.parse("x.json", "{\"lesson\": "))
                .hasMessageStartingWith("x.json: not valid JSON (line 1)");
    }

    @Test
    void typed_commands_are_compared_after_normalising() {
        assertThat(CommandForms.matches("openstack flavor create --ram 256 --disk 1 --vcpus 1 m1.nebula_micro",
                "$ openstack  flavor create m1.nebula_micro --vcpus=1 --disk 1 --ram '256'")).isTrue();
        assertThat(CommandForms.matches("openstack flavor create --ram 256 --disk 1 --vcpus 1 m1.nebula_micro",
                "openstack flavor create --ram 512 --disk 1 --vcpus 1 m1.nebula_micro")).isFalse();
        assertThat(CommandForms.matches("aws ec2 create-security-group --group-name web-sg --description *",
                "aws ec2 create-security-group --description \"Web servers\" --group-name web-sg")).isTrue();
        assertThat(CommandForms.matches("aws ec2 create-security-group --group-name web-sg --description *",
                "aws ec2 create-security-group --group-name web-sg")).isFalse();
        assertThat(CommandForms.matches("ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier -1.0",
                "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier -1.0")).isTrue();
        assertThat(CommandForms.matches("ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier -1.0",
                "ssh controller crudini --set /etc/nova/nova.conf ram_weight_multiplier filter_scheduler -1.0")).as("words keep their order").isFalse();
    }

    @Test
    void the_shuffle_depends_only_on_the_student_and_the_item() {
        List<Integer> five = List.of(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(Shuffle.of(7, "s3-stack-spread", five)).isEqualTo(Shuffle.of(7, "s3-stack-spread", five)).containsExactlyInAnyOrderElementsOf(five);
        assertThat(Shuffle.of(7, "s3-stack-spread", five)).isNotEqualTo(Shuffle.of(8, "s3-stack-spread", five));
    }

    @Test
    void ordering_and_matching_are_graded_as_a_whole() {
        Checkpoints all = Checkpoints.load();
        Item order = all.item("s4-build-steps").orElseThrow();
        Graded right = order.grade(Map.of("pos.scheduling", List.of("1"), "pos.networking", List.of("2"), "pos.bdm", List.of("3"),
                "pos.spawning", List.of("4"), "pos.active", List.of("5")));
        assertThat(right).isEqualTo(new Graded("scheduling,networking,bdm,spawning,active", true));
        Graded swapped = order.grade(Map.of("pos.scheduling", List.of("2"), "pos.networking", List.of("1"), "pos.bdm", List.of("3"),
                "pos.spawning", List.of("4"), "pos.active", List.of("5")));
        assertThat(swapped.correct()).isFalse();
        Item match = all.item("s6-concepts-azure").orElseThrow();
        Graded m = match.grade(Map.of("match.nova", List.of("nova"), "match.flavor", List.of("flavor"), "match.sg", List.of("keypair"),
                "match.keypair", List.of("sg"), "match.user", List.of("user")));
        assertThat(m).isEqualTo(new Graded("nova=nova;flavor=flavor;sg=keypair;keypair=sg;user=user", false));
    }

    @Test
    void the_csv_export_quotes_cells_and_defuses_formulas() {
        assertThat(Csv.row("a,b", "say \"hi\"", "=HYPERLINK(\"x\")", "-1")).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\"'-1\"\r\n");
    }
}
