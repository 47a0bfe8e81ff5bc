package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ; && || | ! and grouping. */
class OperatorsAndPipesTest {
    private final Terminal t = new Terminal();

    @Test
    void semicolons_run_commands_in_order_whatever_their_status() {
        assertThat(t.out("echo one; false; echo two")).isEqualTo("one\ntwo\n");
    }

    @Test
    void and_runs_the_next_command_only_after_success() {
        assertThat(t.out("true && echo yes; false && echo no")).isEqualTo("yes\n");
    }

    @Test
    void or_runs_the_next_command_only_after_failure() {
        ExecResult r = t.run("fail || echo recovered");

        assertThat(r.output()).isEqualTo("fail: something went wrong\nrecovered\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void a_pipe_passes_standard_output_to_the_next_command() {
        assertThat(t.out("greet a b | stdin-upper")).isEqualTo("HELLO A B\n");
    }

    @Test
    void a_pipeline_has_the_status_of_its_last_command() {
        assertThat(t.status("fail 2>/dev/null | true")).isZero();
        assertThat(t.status("true | fail 2>/dev/null")).isEqualTo(3);
    }

    @Test
    void standard_error_is_not_piped() {
        ExecResult r = t.run("fail | wc -l");

        assertThat(r.stdout()).isEqualTo("0\n");
        assertThat(r.stderr()).isEqualTo("fail: something went wrong\n");
    }

    @Test
    void bang_negates_a_status() {
        assertThat(t.out("! false && echo negated")).isEqualTo("negated\n");
    }

    @Test
    void a_subshell_does_not_change_the_working_directory_but_a_group_does() {
        assertThat(t.out("(cd /; pwd); pwd")).isEqualTo("/\n/home/student\n");
        assertThat(t.out("{ cd /; }; pwd")).isEqualTo("/\n");
    }

    @Test
    void a_group_can_feed_one_pipe() {
        assertThat(t.out("{ echo a; echo b; } | wc -l")).isEqualTo("2\n");
    }
}
