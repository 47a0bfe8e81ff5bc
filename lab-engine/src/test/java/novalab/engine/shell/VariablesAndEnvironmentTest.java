package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Shell variables, exported variables, $?, and source/. of openrc files. */
class VariablesAndEnvironmentTest {
    private final Terminal t = new Terminal();

    @Test
    void an_assignment_is_a_shell_variable_that_programs_do_not_see() {
        assertThat(t.out("X=1; showenv X; echo $X")).isEqualTo("X=\n1\n");
    }

    @Test
    void export_makes_a_variable_visible_to_programs() {
        assertThat(t.out("export X=2; showenv X")).isEqualTo("X=2\n");
        assertThat(t.out("Y=3; export Y; showenv Y")).isEqualTo("Y=3\n");
        assertThat(t.shell.environment()).containsEntry("X", "2").containsEntry("Y", "3").containsEntry("HOME", "/home/student");
    }

    @Test
    void env_u_and_env_i_hide_variables_from_one_program_only() {
        assertThat(t.out("export X=2 Y=3; env -u X showenv X; env -i showenv Y; showenv X")).isEqualTo("X=\nY=\nX=2\n");
    }

    @Test
    void a_prefix_assignment_applies_to_that_command_only() {
        assertThat(t.out("Z=4 showenv Z; echo \"[$Z]\"")).isEqualTo("Z=4\n[]\n");
    }

    @Test
    void unset_removes_a_variable_and_its_export() {
        assertThat(t.out("export A=1; unset A; showenv A; echo \"[$A]\"")).isEqualTo("A=\n[]\n");
        assertThat(t.shell.environment()).doesNotContainKey("A");
    }

    @Test
    void export_rejects_names_that_are_not_identifiers() {
        ExecResult r = t.run("export 1x=2");

        assertThat(r.stderr()).isEqualTo("bash: export: `1x=2': not a valid identifier\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void export_without_arguments_lists_declare_x_lines() {
        assertThat(t.out("export -p | grep USER")).isEqualTo("declare -x USER=\"student\"\n");
    }

    @Test
    void dollar_question_mark_is_the_status_of_the_last_command() {
        assertThat(t.out("false; echo $?; true; echo $?; fail 2>/dev/null; echo $?; nope 2>/dev/null; echo $?"))
                .isEqualTo("1\n0\n3\n127\n");
    }

    @Test
    void source_runs_an_openrc_file_in_the_current_session() {
        // given an openrc like the lab's: a shebang, comments, blank lines, quoted and unquoted exports
        t.file("/home/student/demo-openrc.sh", """
                #!/usr/bin/env bash
                # OpenStack credentials for project demo

                export OS_AUTH_URL=http://controller:5000/v3
                export OS_PROJECT_NAME="demo"   # trailing comment
                export OS_USERNAME='student'
                unset OS_TENANT_ID
                export OS_IDENTITY_API_VERSION=3
                """);

        ExecResult r = t.run("source demo-openrc.sh");

        assertThat(r.status()).isZero();
        assertThat(r.output()).isEmpty();
        assertThat(t.shell.environment()).containsEntry("OS_AUTH_URL", "http://controller:5000/v3")
                .containsEntry("OS_PROJECT_NAME", "demo").containsEntry("OS_USERNAME", "student")
                .containsEntry("OS_IDENTITY_API_VERSION", "3");
        assertThat(t.out("showenv OS_PROJECT_NAME")).isEqualTo("OS_PROJECT_NAME=demo\n");
    }

    @Test
    void dot_is_source_too() {
        t.file("/home/student/rc", "export OS_CLOUD=lab\n");

        assertThat(t.out(". ~/rc && echo $OS_CLOUD")).isEqualTo("lab\n");
    }

    @Test
    void source_of_a_missing_file_says_so() {
        ExecResult r = t.run("source nope-openrc.sh");

        assertThat(r.stderr()).isEqualTo("bash: nope-openrc.sh: No such file or directory\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void a_syntax_error_in_a_sourced_file_names_the_file_and_line() {
        t.file("/home/student/bad.sh", "export A=1\nif then\n");

        ExecResult r = t.run("source bad.sh");

        assertThat(r.stderr()).startsWith("bash: bad.sh: line 2: syntax error near unexpected token `then'\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(t.shell.environment()).containsEntry("A", "1");
    }
}
