package novalab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Replay grading: gradability, equivalent histories, first divergence, the result's shape and receipt. */
class ReplayGraderTest {
    private static final String KEYS = "02-keys-and-groups";

    @Test
    void an_empty_history_is_not_gradable_rather_than_zero() {
        GradeResult r = Week9.grade(KEYS, "\n  \n");
        assertThat(r.gradable()).isFalse();
        assertThat(r.formatErrors()).containsExactly("the history is empty: no command was recorded");
        assertThat(r.tests()).isEmpty();
        assertThat(ResultJson.write(ResultJson.prairieLearn(r))).contains("\"gradable\" : false").contains("\"format_errors\" : [");
    }

    @Test
    void an_unreadable_history_is_not_gradable_and_names_the_line() {
        assertThat(Week9.grade(KEYS, "{\"t\": 0, \"cmd\": \"ls\"}\n{\"t\": 1000, \"command\": \"ls\"}\n").formatErrors())
                .containsExactly("line 2: \"cmd\" must be a string");
        assertThat(Week9.grade(KEYS, "{\"t\": 0, \"cmd\": \"ls\"}\n{oops\n").formatErrors()).containsExactly("line 2: not valid JSON");
        GradeResult binary = Week9.GRADER.grade(Week9.exercise(KEYS), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        assertThat(binary.gradable()).isFalse();
        assertThat(binary.formatErrors()).containsExactly("the history is not UTF-8 text");
    }

    @Test
    void json_lines_and_plain_text_of_the_same_commands_grade_alike() {
        StringBuilder jsonl = new StringBuilder();
        long t = 0;
        for (String l : Week9.solution(KEYS).split("\n")) {
            jsonl.append("{\"t\": ").append(t).append(", \"cmd\": ").append(quote(l)).append("}\n");
            t += 2500;
        }
        GradeResult a = Week9.grade(KEYS, jsonl.toString());
        assertThat(a.score()).isEqualTo(1.0);
        assertThat(a.receipt().commands()).isEqualTo(7);
    }

    private static String quote(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }

    @Test
    void a_shuffled_noisy_history_with_a_mistake_later_fixed_scores_like_the_reference() {
        String h = """
                source nebula-openrc.sh
                openstack security group create web
                openstak security group list
                openstack security group rule create --protocol tcp --dst-port 8080 web
                openstack security group rule list web
                openstack security group rule delete $(openstack security group rule list web --protocol tcp -f value -c ID | head -1)
                openstack security group rule create --protocol tcp --dst-port 80 web
                openstack keypair create nebula_key > nebula_key.pem
                ls -l
                openstack security group rule create --protocol tcp --dst-port 22 web
                chmod 600 nebula_key.pem
                openstack flavor list
                """;
        GradeResult r = Week9.grade(KEYS, h);
        assertThat(r.tests()).allSatisfy(t -> assertThat(t.passed()).as(t.check().id() + ": " + t.observed()).isTrue());
        assertThat(r.score()).isEqualTo(1.0);
    }

    @Test
    void a_history_that_ends_with_the_server_deleted_does_not_score_like_the_reference() {
        GradeResult r = Week9.grade("03-power-on", Week9.solution("03-power-on") + "openstack server delete nebula_web_01 --wait\n");
        assertThat(r.score()).isEqualTo(0.0);
        TestResult active = r.tests().get(0);
        assertThat(active.observed()).isEqualTo("no server named nebula_web_01");
        assertThat(active.reference()).isEqualTo("nebula_web_01: status=ACTIVE network=nebula_net");
        assertThat(active.divergence()).hasValueSatisfying(d -> {
            assertThat(d.command()).isEqualTo(4);
            assertThat(d.line()).isEqualTo("openstack server delete nebula_web_01 --wait");
        });
    }

    @Test
    void the_first_divergence_is_the_command_that_opened_the_wrong_port() {
        String h = """
                source nebula-openrc.sh
                openstack keypair create nebula_key > nebula_key.pem
                chmod 600 nebula_key.pem
                openstack security group create web
                openstack security group rule create --protocol tcp --dst-port 22 web
                openstack server list
                openstack security group rule create --protocol tcp --dst-port 8080 web
                openstack security group rule list web
                """;
        GradeResult r = Week9.grade(KEYS, h);
        TestResult http = r.tests().stream().filter(t -> t.check().id().equals("http-rule")).findFirst().orElseThrow();
        assertThat(http.passed()).isFalse();
        assertThat(http.divergence()).hasValueSatisfying(d -> {
            assertThat(d.command()).isEqualTo(7);
            assertThat(d.before()).isEqualTo("group web (nebula_prod) ingress: tcp/22 from 0.0.0.0/0");
            assertThat(d.after()).isEqualTo("group web (nebula_prod) ingress: tcp/22 from 0.0.0.0/0, tcp/8080 from 0.0.0.0/0");
        });
        assertThat(http.studentMessage()).endsWith("First divergence: command 7 (`openstack security group rule create --protocol tcp --dst-port 8080 web`).");
        assertThat(r.score()).isEqualTo(0.8);
    }

    @Test
    void a_check_nothing_ever_touched_has_no_divergence() {
        GradeResult r = Week9.grade(KEYS, "source nebula-openrc.sh\nopenstack flavor list\n");
        assertThat(r.tests()).allSatisfy(t -> assertThat(t.divergence()).isEmpty());
        assertThat(r.tests().get(0).studentMessage()).endsWith("No command in the history brought this about.");
        assertThat(r.score()).isEqualTo(0.0);
    }

    @Test
    void the_ssh_check_finds_its_divergence_by_replaying_prefixes() {
        GradeResult r = Week9.grade("04-day-two", Week9.solution("04-day-two") + "chmod 644 nebula_key.pem\nls\nopenstack server list\n");
        TestResult ssh = r.tests().get(0);
        assertThat(ssh.passed()).isFalse();
        assertThat(ssh.divergence()).hasValueSatisfying(d -> assertThat(d.line()).isEqualTo("chmod 644 nebula_key.pem"));
        assertThat(ssh.reference()).isEqualTo("ssh -o ConnectTimeout=10 -p 22 -i nebula_key.pem cirros@<floating ip> true: exit 0");
    }

    @Test
    void the_result_carries_a_receipt_with_the_histories_sha256() {
        String h = Week9.solution(KEYS);
        GradeResult r = Week9.grade(KEYS, h);
        assertThat(r.receipt().historySha256()).isEqualTo(CommandHistory.sha256(h.getBytes(StandardCharsets.UTF_8))).hasSize(64);
        assertThat(r.receipt().engine()).startsWith("nova-lab ");
        assertThat(r.receipt()).extracting(Receipt::scenario, Receipt::seed, Receipt::driver, Receipt::exerciseUuid)
                .containsExactly("nebula-inc.json", 9L, "fake", "70cb843e-b21d-4e3d-b1a3-954fb7dd3c11");
        String json = ResultJson.write(ResultJson.prairieLearn(r));
        assertThat(json).startsWith("{\n  \"gradable\" : true,\n  \"score\" : 1.0,\n  \"message\" : \"10 of 10 points: 4 of 4 checks passed.\",\n  \"tests\" : [ {\n    \"name\" : \"Key pair nebula_key belongs to nebula_admin\",\n    \"description\" : \"keypair\",\n    \"points\" : 3,\n    \"max_points\" : 3,");
    }

    @Test
    void gradescope_results_total_points_and_number_tests_per_exercise() {
        GradeResult a = Week9.grade("01-the-menu", Week9.solution("01-the-menu"));
        GradeResult b = Week9.grade(KEYS, "");
        String gs = ResultJson.write(ResultJson.gradescope(java.util.List.of(a, b)));
        assertThat(gs).contains("\"score\" : 10.0").contains("\"number\" : \"1.3\"").contains("\"status\" : \"passed\"")
                .contains("\"gradable\" : false");
    }

    @Test
    void a_server_relaunched_after_a_forgotten_key_scores_full_marks() {
        String h = """
                source nebula-openrc.sh
                openstack server create --flavor m1.nebula_micro --image cirros --network nebula_net --security-group web nebula_web_01 --wait
                openstack server show nebula_web_01 -c key_name
                openstack server delete nebula_web_01 --wait
                openstack server create --flavor m1.nebula_micro --image cirros --network nebula_net --key-name nebula_key --security-group web nebula_web_01
                sleep 20
                openstack server list
                """;
        assertThat(Week9.grade("03-power-on", h).score()).isEqualTo(1.0);
    }

    @Test
    void another_negative_multiplier_and_a_shell_loop_stack_just_as_well() {
        String h = """
                source admin-openrc.sh
                ssh controller "crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier -2.5 && systemctl restart nova-scheduler"
                for n in 01 02 03; do openstack server create --flavor m1.small --image cirros --network nebula_net nebula_stack_$n --wait; done
                openstack server list --long -c Name -c Host
                """;
        GradeResult r = Week9.grade("06-stack-vs-spread", h);
        assertThat(r.tests()).allSatisfy(t -> assertThat(t.passed()).as(t.check().id() + ": " + t.observed()).isTrue());
    }

    @Test
    void booting_before_the_scheduler_restart_spreads_and_the_divergence_names_a_boot() {
        String h = """
                source admin-openrc.sh
                ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier -1.0
                openstack server create --flavor m1.small --image cirros --network nebula_net nebula_stack_01 --wait
                openstack server create --flavor m1.small --image cirros --network nebula_net nebula_stack_02 --wait
                openstack server create --flavor m1.small --image cirros --network nebula_net nebula_stack_03 --wait
                """;
        GradeResult r = Week9.grade("06-stack-vs-spread", h);
        assertThat(r.tests()).extracting(TestResult::passed).containsExactly(true, false, false);
        TestResult stacked = r.tests().get(2);
        assertThat(stacked.observed()).isEqualTo("nebula_stack_01@compute1, nebula_stack_02@compute3, nebula_stack_03@compute1");
        assertThat(stacked.divergence()).hasValueSatisfying(d -> assertThat(d.command()).isEqualTo(5));
        assertThat(stacked.reference()).isEqualTo("nebula_stack_01@compute2, nebula_stack_02@compute2, nebula_stack_03@compute2");
    }
}
