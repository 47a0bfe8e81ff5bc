package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** for, if, while/until, case, functions, test/[ ] and [[ ]], and lines that continue. */
class ControlFlowTest {
    private final Terminal t = new Terminal();

    @Test
    void a_for_loop_on_one_line() {
        assertThat(t.out("for vm in web db; do echo \"boot $vm\"; done")).isEqualTo("boot web\nboot db\n");
    }

    @Test
    void a_for_loop_typed_over_several_lines_waits_until_it_is_complete() {
        // given the lines a student types, and the terminal's rule: keep reading while the buffer is incomplete
        String buffer = "for i in $(seq 1 3)";
        assertThat(t.shell.isComplete(buffer)).isFalse();
        buffer += "\ndo";
        assertThat(t.shell.isComplete(buffer)).isFalse();
        buffer += "\n  echo \"server-$i\"";
        assertThat(t.shell.isComplete(buffer)).isFalse();
        buffer += "\ndone";
        assertThat(t.shell.isComplete(buffer)).isTrue();

        ExecResult r = t.run(buffer);

        assertThat(r.stdout()).isEqualTo("server-1\nserver-2\nserver-3\n");
        assertThat(t.shell.history()).containsExactly(buffer);
        assertThat(t.out("history")).isEqualTo("    1  for i in $(seq 1 3); do echo \"server-$i\"; done\n    2  history\n");
    }

    @Test
    void open_quotes_trailing_backslashes_and_pipes_need_more_lines() {
        assertThat(t.shell.isComplete("echo 'abc")).isFalse();
        assertThat(t.shell.isComplete("echo \"abc")).isFalse();
        assertThat(t.shell.isComplete("echo abc \\")).isFalse();
        assertThat(t.shell.isComplete("greet |")).isFalse();
        assertThat(t.shell.isComplete("true &&")).isFalse();
        assertThat(t.shell.isComplete("if true; then")).isFalse();
        assertThat(t.shell.isComplete("cat <<EOF")).isFalse();
        assertThat(t.shell.isComplete("echo 'a\nb'")).isTrue();
        assertThat(t.shell.isComplete("echo a; echo b")).isTrue();
        assertThat(t.shell.isComplete("done")).isTrue();
    }

    @Test
    void a_continued_line_joins_its_parts() {
        assertThat(t.out("greet one \\\n two")).isEqualTo("hello one two\n");
    }

    @Test
    void if_then_elif_else() {
        t.run("touch here.txt");

        assertThat(t.out("if [ -f here.txt ]; then echo file; else echo none; fi")).isEqualTo("file\n");
        assertThat(t.out("if [ -d here.txt ]; then echo dir; elif [ -e here.txt ]; then echo exists; fi")).isEqualTo("exists\n");
        assertThat(t.out("if false; then echo a; else echo b; fi")).isEqualTo("b\n");
    }

    @Test
    void while_read_walks_the_lines_of_a_file() {
        t.file("/home/student/vms.txt", "web 2048\ndb 4096\n");

        assertThat(t.out("while read name ram; do echo \"$name:$ram\"; done < vms.txt")).isEqualTo("web:2048\ndb:4096\n");
    }

    @Test
    void until_and_arithmetic_commands_count() {
        assertThat(t.out("i=0; until [ $i -ge 3 ]; do i=$((i+1)); done; echo $i")).isEqualTo("3\n");
        assertThat(t.out("n=0; while (( n < 5 )); do ((n++)); done; echo $n")).isEqualTo("5\n");
    }

    @Test
    void break_and_continue() {
        assertThat(t.out("for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done")).isEqualTo("1\n3\n");
    }

    @Test
    void an_endless_loop_is_stopped_as_if_by_ctrl_c() {
        ExecResult r = t.run("while true; do :; done");

        assertThat(r.stderr()).isEqualTo("^C\n");
        assertThat(r.status()).isEqualTo(130);
        assertThat(t.out("echo still here")).isEqualTo("still here\n");
    }

    @Test
    void case_matches_glob_patterns() {
        assertThat(t.out("case nebula-web-01 in *db*) echo db;; *web*|*www*) echo web;; *) echo other;; esac")).isEqualTo("web\n");
    }

    @Test
    void functions_take_arguments() {
        assertThat(t.out("boot() { echo \"booting $1 with $# args\"; }; boot vm1 small")).isEqualTo("booting vm1 with 2 args\n");
    }

    @Test
    void test_and_brackets_compare_strings_numbers_and_files() {
        t.run("touch f.txt; mkdir d");

        assertThat(t.out("[ -f f.txt ] && [ -d d ] && [ -e d ] && [ ! -e nope ] && echo files")).isEqualTo("files\n");
        assertThat(t.out("[ -z \"\" ] && [ -n x ] && [ abc = abc ] && [ abc != abd ] && echo strings")).isEqualTo("strings\n");
        assertThat(t.out("[ 2 -lt 10 ] && [ 10 -gt 2 ] && [ 3 -eq 3 ] && [ 3 -ne 4 ] && test 5 -ge 5 && echo numbers")).isEqualTo("numbers\n");
    }

    @Test
    void test_reports_bad_operands_like_bash() {
        ExecResult notNumber = t.run("[ 5 -gt x ]");
        ExecResult unclosed = t.run("[ a = a");

        assertThat(notNumber.stderr()).isEqualTo("bash: [: x: integer expression expected\n");
        assertThat(notNumber.status()).isEqualTo(2);
        assertThat(unclosed.stderr()).isEqualTo("bash: [: missing `]'\n");
        assertThat(unclosed.status()).isEqualTo(2);
    }

    @Test
    void double_brackets_match_patterns_and_regexes() {
        assertThat(t.out("[[ $USER == stu* ]] && echo glob; [[ v1.2 =~ ^v[0-9]+\\.[0-9]$ ]] && echo regex")).isEqualTo("glob\nregex\n");
    }
}
