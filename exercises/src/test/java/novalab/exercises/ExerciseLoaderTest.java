package novalab.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import novalab.exercises.checks.FlavorSpec;
import novalab.exercises.checks.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader is strict: every problem is an error that names the file and the field. */
class ExerciseLoaderTest {
    @TempDir
    Path root;

    private static final String INFO = """
            {"uuid": "aa503bfe-112f-4639-bad8-39a207d8974e", "title": "T", "points": 3}
            """;
    private static final String CHECK = """
            {"id": "c1", "type": "flavor", "name": "n", "flavor": "m1.x", "vcpus": 1, "points": 3, "message": "m"}
            """;

    private Path folder(String info, String checks) throws IOException {
        Path d = root.resolve("01-x");
        Files.createDirectories(d);
        Files.writeString(d.resolve("info.json"), info);
        Files.writeString(d.resolve("prompt.md"), "# Do it\n");
        Files.writeString(d.resolve("checks.json"), "{\"checks\": [" + checks + "]}");
        return d;
    }

    @Test
    void a_valid_folder_loads_with_defaults() throws IOException {
        Path d = folder(INFO, CHECK);
        Files.writeString(d.resolve("setup.txt"), "# comment\n\nsource admin-openrc.sh\n");
        Exercise e = ExerciseLoader.load(d);
        assertThat(e.id()).isEqualTo("01-x");
        assertThat(e.seed()).isEqualTo(9);
        assertThat(e.scenario()).isEqualTo("nebula-inc.json");
        assertThat(e.setup()).containsExactly("source admin-openrc.sh");
        assertThat(e.checks()).singleElement().isInstanceOf(FlavorSpec.class);
        assertThat(e.checks().get(0).info().visibility()).isEqualTo(Visibility.VISIBLE);
        assertThat(e.solution()).isEmpty();
    }

    @Test
    void an_unknown_key_in_info_json_names_the_file_and_key() throws IOException {
        Path d = folder(INFO.replace("\"points\": 3", "\"points\": 3, \"pionts\": 3"), CHECK);
        assertThatThrownBy(() -> ExerciseLoader.load(d)).isInstanceOf(ContentError.class)
                .hasMessage("01-x/info.json: unknown field `pionts`");
    }

    @Test
    void a_missing_uuid_is_named() throws IOException {
        Path d = folder("{\"title\": \"T\", \"points\": 3}", CHECK);
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessage("01-x/info.json: uuid: missing required field");
    }

    @Test
    void an_unknown_field_in_a_check_names_its_index() throws IOException {
        Path d = folder(INFO, CHECK.replace("\"vcpus\": 1", "\"vcpu\": 1"));
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessage("01-x/checks.json: checks[0]: unknown field `vcpu`");
    }

    @Test
    void an_unknown_check_type_lists_the_known_ones() throws IOException {
        Path d = folder(INFO, CHECK.replace("\"flavor\", \"name\"", "\"flavour\", \"name\""));
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessageStartingWith("01-x/checks.json: checks[0].type: unknown check type `flavour` (known: file, flavor,");
    }

    @Test
    void a_host_the_scenario_does_not_have_is_a_bad_reference() throws IOException {
        Path d = folder(INFO, """
                {"id": "c1", "type": "server", "name": "n", "server": "s", "host": "compute9", "points": 3, "message": "m"}
                """);
        assertThatThrownBy(() -> ExerciseLoader.load(d))
                .hasMessage("01-x/checks.json: checks[0].host: the scenario has no host named `compute9`");
    }

    @Test
    void an_unknown_scenario_is_a_bad_reference_in_info_json() throws IOException {
        Path d = folder(INFO.replace("\"points\": 3", "\"points\": 3, \"scenario\": \"nope.json\""), CHECK);
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessage("01-x/info.json: scenario: no scenario named `nope.json`");
    }

    @Test
    void points_must_add_up() throws IOException {
        Path d = folder(INFO.replace("\"points\": 3", "\"points\": 10"), CHECK);
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessage("01-x/info.json: points: says 10 but the checks add up to 3");
    }

    @Test
    void check_ids_are_unique() throws IOException {
        Path d = folder(INFO.replace("\"points\": 3", "\"points\": 6"), CHECK + "," + CHECK);
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessage("01-x/checks.json: checks[1].id: duplicate check id `c1`");
    }

    @Test
    void a_wrong_type_and_bad_visibility_are_named() throws IOException {
        Path d = folder(INFO, CHECK.replace("\"points\": 3", "\"points\": \"3\""));
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessage("01-x/checks.json: checks[0].points: expected an integer");
        Path e = folder(INFO, CHECK.replace("\"points\": 3", "\"points\": 3, \"visibility\": \"secret\""));
        assertThatThrownBy(() -> ExerciseLoader.load(e))
                .hasMessage("01-x/checks.json: checks[0].visibility: `secret` is not one of visible, hidden, after_due_date");
    }

    @Test
    void broken_json_and_a_missing_prompt_are_named() throws IOException {
        Path d = folder(INFO, CHECK);
        Files.writeString(d.resolve("checks.json"), "{\"checks\": [");
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessageStartingWith("01-x/checks.json: not valid JSON (line 1");
        Files.writeString(d.resolve("checks.json"), "{\"checks\": [" + CHECK + "]}");
        Files.delete(d.resolve("prompt.md"));
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessage("01-x/prompt.md: missing file");
    }

    @Test
    void hints_md_splits_into_hints_at_lines_of_three_dashes() throws IOException {
        Path d = folder(INFO, CHECK);
        assertThat(ExerciseLoader.load(d).hints()).isEmpty();
        Files.writeString(d.resolve("hints.md"), "Look at `openstack flavor list`.\n\n---\nRAM is in **MB**.\nDisk in GB.\n");
        assertThat(ExerciseLoader.load(d).hints()).containsExactly("Look at `openstack flavor list`.", "RAM is in **MB**.\nDisk in GB.");
    }

    @Test
    void an_empty_hint_is_named() throws IOException {
        Path d = folder(INFO, CHECK);
        Files.writeString(d.resolve("hints.md"), "One.\n---\n---\nThree.\n");
        assertThatThrownBy(() -> ExerciseLoader.load(d)).isInstanceOf(ContentError.class)
                .hasMessageStartingWith("01-x/hints.md: hint 2: empty hint");
        Files.writeString(d.resolve("hints.md"), "\n");
        assertThatThrownBy(() -> ExerciseLoader.load(d)).hasMessageStartingWith("01-x/hints.md: hint 1: empty hint");
    }

    @Test
    void the_week9_catalog_loads_eight_exercises_with_distinct_uuids() {
        Catalog c = Catalog.load(Path.of("../content/week9/exercises"));
        assertThat(c.exercises()).extracting(Exercise::id).containsExactly("01-the-menu", "02-keys-and-groups", "03-power-on",
                "04-day-two", "05-filters", "06-stack-vs-spread", "07-lifecycle", "08-rosetta");
        assertThat(c.exercises()).extracting(Exercise::uuid).doesNotHaveDuplicates();
        assertThat(c.exercises()).allSatisfy(e -> assertThat(e.solution()).isPresent());
        assertThat(c.exercises()).allSatisfy(e -> assertThat(e.hints()).hasSizeBetween(2, 5));
        assertThat(c.find("21ff554f-6b57-4074-b7bb-d82e07eb0cbd")).map(Exercise::id).contains("03-power-on");
    }
}
