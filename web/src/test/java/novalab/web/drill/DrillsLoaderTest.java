package novalab.web.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import novalab.exercises.ContentError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drills.json is read strictly: every problem names the drill and the field. */
class DrillsLoaderTest {
    @TempDir Path dir;

    private static final String DRILL = """
            {"id": "k", "title": "T", "from": "openstack", "to": "aws", "given": ["openstack keypair create k"],
             "reference": ["aws ec2 create-key-pair --key-name k"], "task": "Do it.", "tip": "Same thing."}
            """;

    private Drills load(String drills) throws Exception {
        Path f = dir.resolve("drills.json");
        Files.writeString(f, "{\"drills\": [" + drills + "]}");
        return Drills.load(f);
    }

    @Test
    void a_valid_drill_loads_with_its_defaults() throws Exception {
        Drill d = load(DRILL).find("k").orElseThrow();
        assertThat(d.from()).isEqualTo(Dialect.OPENSTACK);
        assertThat(d.to()).isEqualTo(Dialect.AWS);
        assertThat(d.setup()).isEmpty();
        assertThat(d.seed()).isEqualTo(9);
    }

    @Test
    void unknown_fields_dialects_and_duplicates_are_named() {
        assertThatThrownBy(() -> load(DRILL.replace("\"tip\"", "\"tipp\": \"x\", \"tip\""))).isInstanceOf(ContentError.class)
                .hasMessage("drills.json: drills[0]: unknown field `tipp`");
        assertThatThrownBy(() -> load(DRILL.replace("\"aws\"", "\"gcloud\"")))
                .hasMessage("drills.json: drills[0].to: `gcloud` is not one of openstack, aws, az");
        assertThatThrownBy(() -> load(DRILL.replace("\"aws\"", "\"openstack\""))).hasMessage("drills.json: drills[0].to: must differ from `from`");
        assertThatThrownBy(() -> load(DRILL + "," + DRILL)).hasMessage("drills.json: drills[1].id: duplicate drill id `k`");
        assertThatThrownBy(() -> load(DRILL.replace(", \"given\": [\"openstack keypair create k\"]", "")))
                .hasMessage("drills.json: drills[0].given: missing required field");
        assertThatThrownBy(() -> load("")).hasMessage("drills.json: drills: needs at least one drill");
    }

    @Test
    void a_dialect_is_recognised_as_a_command_word_only() {
        assertThat(Dialect.AWS.usedIn("ID=$(aws ec2 run-instances --image-id x)")).isTrue();
        assertThat(Dialect.AWS.usedIn("echo x | aws ec2 describe-instances")).isTrue();
        assertThat(Dialect.AWS.usedIn("openstack keypair create aws-key")).isFalse();
        assertThat(Dialect.AZ.usedIn("az vm start -g rosetta -n web-az")).isTrue();
        assertThat(Dialect.OPENSTACK.usedIn("az vm create -n openstack-like")).isFalse();
    }
}
