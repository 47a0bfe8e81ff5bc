package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error in bash's own words, never a Java stack trace. */
class ShellErrorsTest {
    private final Terminal t = new Terminal();

    @Test
    void an_unknown_command_is_not_found_with_status_127() {
        ExecResult r = t.run("opnestack server list");

        assertThat(r.stderr()).isEqualTo("bash: opnestack: command not found\n");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.status()).isEqualTo(127);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '@', value = {
        "; echo a @ ;",
        "echo a ;; echo b @ ;;",
        "| grep x @ |",
        "&& echo a @ &&",
        "|| echo a @ ||",
        "done @ done",
        "echo a ) @ )",
        "echo > @ newline",
        "echo a > | cat @ |",
        "if then fi @ then",
        "for i in 1; do; done @ ;",
        "echo a ( @ ("})
    void a_syntax_error_names_the_unexpected_token(String line, String token) {
        ExecResult r = t.run(line);

        assertThat(r.stderr()).isEqualTo("bash: syntax error near unexpected token `" + token + "'\n");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void an_unterminated_quote_is_reported_when_executed() {
        assertThat(t.run("echo 'abc").stderr()).isEqualTo("bash: unexpected EOF while looking for matching `''\n");
        assertThat(t.run("echo \"abc").stderr()).isEqualTo("bash: unexpected EOF while looking for matching `\"'\n");
        assertThat(t.run("echo $(ls").stderr()).isEqualTo("bash: unexpected EOF while looking for matching `)'\n");
        assertThat(t.status("echo 'abc")).isEqualTo(2);
    }

    @Test
    void an_unfinished_loop_is_an_unexpected_end_of_file() {
        ExecResult r = t.run("for i in 1 2; do echo $i");

        assertThat(r.stderr()).isEqualTo("bash: syntax error: unexpected end of file\n");
        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void a_program_that_throws_is_reported_as_an_internal_error_of_that_program() {
        ExecResult r = t.run("thrower --now");

        assertThat(r.stderr()).isEqualTo("thrower: internal error: boom\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void a_failing_program_keeps_its_own_status_and_message() {
        ExecResult r = t.run("fail");

        assertThat(r.stderr()).isEqualTo("fail: something went wrong\n");
        assertThat(r.status()).isEqualTo(3);
    }

    @Test
    void expansion_errors_fail_the_command_in_bash_words() {
        assertThat(t.run("echo ${1x}").stderr()).isEqualTo("bash: ${1x}: bad substitution\n");
        assertThat(t.run("echo ${NOPE:?must be set}").stderr()).isEqualTo("bash: NOPE: must be set\n");
        assertThat(t.status("echo ${NOPE:?}")).isEqualTo(1);
    }

    @Test
    void runaway_recursion_is_cut_off_politely() {
        ExecResult r = t.run("f() { f; }; f");

        assertThat(r.stderr()).isEqualTo("bash: f: maximum function nesting level exceeded (100)\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void bad_options_get_the_tools_own_complaint() {
        assertThat(t.run("grep -Z x").stderr()).isEqualTo(
                "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        assertThat(t.run("head -n abc x").stderr()).isEqualTo("head: invalid number of lines: 'abc'\n");
        assertThat(t.run("cd -q").stderr()).isEqualTo("bash: cd: -q: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n");
    }
}
