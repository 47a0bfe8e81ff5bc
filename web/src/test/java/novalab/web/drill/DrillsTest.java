package novalab.web.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.exercise.Week9;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Rosetta drills through HTTP: graded by the clouds the commands leave, not by their text. */
class DrillsTest {
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse");
    }

    private static HttpResponse<String> answer(WebTests.Client client, String drill, String answer) throws Exception {
        HttpResponse<String> r = client.post("/drills/" + drill, "answer", answer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void every_drills_reference_answer_in_the_other_dialect_has_the_same_effect() throws Exception {
        Drills drills = Drills.load(Week9.folder().resolve("drills.json"));
        assertThat(drills.all()).hasSizeGreaterThanOrEqualTo(10);
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            for (Drill d : drills.all()) {
                String body = answer(client, d.id(), String.join("\n", d.reference())).body();
                assertThat(body).as(d.id() + ": " + body.replaceAll("(?s).*<ul class=\"differences\">", "").replaceAll("(?s)</ul>.*", ""))
                        .contains("✓ Same effect");
            }
            assertThat(client.get("/drills").body()).contains("✓ solved").doesNotContain("not yet");
        });
    }

    @Test
    void an_answer_with_another_effect_fails_and_says_what_differs() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            assertThat(client.get("/drills/stop-to-openstack").body()).contains("aws ec2 stop-instances", "Your equivalent in OpenStack (openstack)");
            String body = answer(client, "stop-to-openstack", "openstack server reboot web1").body();
            assertThat(body).contains("✗ Not the same effect yet",
                    "Server web1: status is SHUTOFF after the given command, but ACTIVE after yours.");
            body = answer(client, "keypair-to-aws", "aws ec2 create-key-pair --key-name other-key --query KeyMaterial --output text > drill-key.pem").body();
            assertThat(body).contains("The given command leaves key pair drill-key (owner nebula_admin, type ssh); after yours there is none.",
                    "Yours leaves key pair other-key (owner nebula_admin, type ssh), which the given command does not.");
            body = answer(client, "http-rule-to-aws", "aws ec2 authorize-security-group-ingress --group-name web-sg --protocol tcp --port 8080 --cidr 0.0.0.0/0").body();
            assertThat(body).contains("Security group web-sg of project nebula_prod: rules is", "ingress IPv4 tcp port 80 from 0.0.0.0/0");
        });
    }

    @Test
    void the_same_dialect_or_none_is_not_a_translation() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String body = answer(client, "keypair-to-aws", "openstack keypair create drill-key > drill-key.pem").body();
            assertThat(body).contains("Answer in the AWS (aws ec2) dialect: none of your lines runs aws.",
                    "Your answer runs openstack, the dialect of the given command: translate it instead.");
            HttpResponse<String> r = client.post("/drills/keypair-to-aws", "answer", "  \n# nothing\n");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Type your command in the AWS (aws ec2) dialect first.");
        });
    }

    @Test
    void output_of_an_answer_is_escaped_and_unknown_drills_are_404() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String body = answer(client, "keypair-to-aws", "aws ec2 describe-key-pairs --key-names '<script>x</script>'").body();
            assertThat(body).doesNotContain("<script>x").contains("&lt;script&gt;x");
            HttpResponse<String> r = client.get("/drills/nope");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("There is no drill called 'nope'.");
            assertThat(client.post("/drills/nope", "answer", "ls").statusCode()).isEqualTo(404);
        });
    }
}
