package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** < > >> 2> 2>&1 &> /dev/null, here-documents, and the files they leave behind. */
class RedirectionTest {
    private final Terminal t = new Terminal();
    private final VirtualFs fs = t.node.fs();

    @Test
    void output_goes_into_a_new_file_with_mode_0644_owned_by_the_user() {
        ExecResult r = t.run("echo secret > key.pem");

        assertThat(r.output()).isEmpty();
        assertThat(fs.file("/home/student/key.pem")).hasValueSatisfying(f -> {
            assertThat(f.content()).isEqualTo("secret\n");
            assertThat(f.mode()).isEqualTo(0644);
            assertThat(f.owner()).isEqualTo("student");
        });
    }

    @Test
    void chmod_600_after_a_redirect_shows_in_ls_l() {
        t.run("echo secret > key.pem");
        assertThat(t.out("ls -l key.pem")).isEqualTo("-rw-r--r-- 1 student student 7 Sep 14 09:00 key.pem\n");

        t.run("chmod 600 key.pem");

        assertThat(t.out("ls -l key.pem")).isEqualTo("-rw------- 1 student student 7 Sep 14 09:00 key.pem\n");
    }

    @Test
    void double_arrow_appends() {
        assertThat(t.out("echo a > log; echo b >> log; cat log")).isEqualTo("a\nb\n");
    }

    @Test
    void the_file_is_truncated_before_the_command_runs() {
        assertThat(t.out("echo a > f; cat f > f; cat f")).isEmpty();
    }

    @Test
    void two_arrow_captures_standard_error() {
        ExecResult r = t.run("fail 2> err.txt");

        assertThat(r.output()).isEmpty();
        assertThat(r.status()).isEqualTo(3);
        assertThat(t.out("cat err.txt")).isEqualTo("fail: something went wrong\n");
    }

    @Test
    void two_to_one_merges_standard_error_into_the_pipe_or_file() {
        assertThat(t.out("mixed 2>&1 | stdin-upper")).isEqualTo("OUT 1\nERR 1\nOUT 2\n");
        assertThat(t.out("mixed > all.txt 2>&1; cat all.txt")).isEqualTo("out 1\nerr 1\nout 2\n");
        assertThat(t.out("mixed &> both.txt; cat both.txt")).isEqualTo("out 1\nerr 1\nout 2\n");
    }

    @Test
    void redirection_order_matters_as_in_bash() {
        ExecResult r = t.run("mixed 2>&1 >/dev/null");

        assertThat(r.stdout()).isEqualTo("err 1\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void dev_null_discards_either_stream() {
        ExecResult r = t.run("mixed >/dev/null; fail 2>/dev/null");

        assertThat(r.output()).isEqualTo("err 1\n");
        assertThat(fs.exists("/dev/null")).isFalse();
    }

    @Test
    void less_than_feeds_a_file_to_standard_input() {
        t.file("/home/student/in.txt", "lower\n");

        assertThat(t.out("stdin-upper < in.txt")).isEqualTo("LOWER\n");
    }

    @Test
    void here_documents_and_here_strings_feed_standard_input() {
        assertThat(t.out("cat <<EOF\nuser=$USER\nEOF")).isEqualTo("user=student\n");
        assertThat(t.out("cat <<'EOF'\nuser=$USER\nEOF")).isEqualTo("user=$USER\n");
        assertThat(t.out("tr a-z A-Z <<< hello")).isEqualTo("HELLO\n");
    }

    @Test
    void a_cat_heredoc_writes_a_cloud_init_file() {
        t.run("cat > user-data.yaml <<EOF\n#cloud-config\npackages:\n  - nginx\nEOF");

        assertThat(fs.file("/home/student/user-data.yaml").orElseThrow().content()).isEqualTo("#cloud-config\npackages:\n  - nginx\n");
    }

    @Test
    void redirecting_into_a_directory_or_a_missing_directory_fails_like_bash() {
        ExecResult dir = t.run("echo x > /home");
        ExecResult missing = t.run("echo x > nope/f.txt");

        assertThat(dir.stderr()).isEqualTo("bash: /home: Is a directory\n");
        assertThat(dir.status()).isEqualTo(1);
        assertThat(missing.stderr()).isEqualTo("bash: nope/f.txt: No such file or directory\n");
        assertThat(missing.status()).isEqualTo(1);
    }

    @Test
    void a_read_only_file_cannot_be_overwritten() {
        t.run("echo key > key.pem; chmod 400 key.pem");

        ExecResult r = t.run("echo x > key.pem");

        assertThat(r.stderr()).isEqualTo("bash: key.pem: Permission denied\n");
        assertThat(t.out("cat key.pem")).isEqualTo("key\n");
    }

    @Test
    void input_from_a_missing_file_fails_before_the_command_runs() {
        ExecResult r = t.run("greet < missing.txt");

        assertThat(r.output()).isEqualTo("bash: missing.txt: No such file or directory\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void output_interleaves_the_two_streams_in_write_order() {
        ExecResult r = t.run("mixed");

        assertThat(r.stdout()).isEqualTo("out 1\nout 2\n");
        assertThat(r.stderr()).isEqualTo("err 1\n");
        assertThat(r.output()).isEqualTo("out 1\nerr 1\nout 2\n");
    }
}
