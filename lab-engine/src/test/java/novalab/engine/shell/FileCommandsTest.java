package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ls, cat, chmod, rm, mkdir, touch, cp, mv, tee on the machine's VirtualFs. */
class FileCommandsTest {
    private final Terminal t = new Terminal();
    private final VirtualFs fs = t.node.fs();

    @Test
    void ls_prints_columns_in_the_terminal_and_one_name_per_line_into_a_pipe() {
        t.run("touch nebula_key.pem demo-openrc.sh .bashrc");

        assertThat(t.out("ls")).isEqualTo("demo-openrc.sh  nebula_key.pem\n");
        assertThat(t.out("ls | cat")).isEqualTo("demo-openrc.sh\nnebula_key.pem\n");
        assertThat(t.out("ls -A | cat")).isEqualTo(".bashrc\ndemo-openrc.sh\nnebula_key.pem\n");
    }

    @Test
    void ls_l_shows_mode_bits_owner_size_and_time() {
        // given a 1679-byte private key saved with chmod 600
        t.node.file("/home/student/nebula_key.pem", "k".repeat(1678) + "\n", 0600);
        t.run("mkdir keys");

        assertThat(t.out("ls -l nebula_key.pem")).isEqualTo("-rw------- 1 student student 1679 Sep 14 09:00 nebula_key.pem\n");
        assertThat(t.out("ls -l")).isEqualTo("""
                total 8
                drwxr-xr-x 2 student student 4096 Sep 14 09:00 keys
                -rw------- 1 student student 1679 Sep 14 09:00 nebula_key.pem
                """);
    }

    @Test
    void ls_of_a_missing_path_fails_with_status_2() {
        ExecResult r = t.run("ls x");

        assertThat(r.stderr()).isEqualTo("ls: cannot access 'x': No such file or directory\n");
        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void ls_rejects_unknown_options_like_gnu() {
        ExecResult r = t.run("ls -z");

        assertThat(r.stderr()).isEqualTo("ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n");
        assertThat(r.status()).isEqualTo(2);
    }

    @Test
    void cat_prints_files_and_standard_input_and_names_what_is_missing() {
        t.file("/home/student/a.txt", "A\n");

        assertThat(t.out("cat a.txt a.txt")).isEqualTo("A\nA\n");
        assertThat(t.out("greet x | cat")).isEqualTo("hello x\n");
        ExecResult missing = t.run("cat a.txt x");
        assertThat(missing.output()).isEqualTo("A\ncat: x: No such file or directory\n");
        assertThat(missing.status()).isEqualTo(1);
        t.run("mkdir d");
        assertThat(t.err("cat d")).isEqualTo("cat: d: Is a directory\n");
    }

    @Test
    void chmod_accepts_octal_and_symbolic_modes() {
        t.run("touch k");

        t.run("chmod 0400 k");
        assertThat(fs.file("/home/student/k").orElseThrow().mode()).isEqualTo(0400);
        t.run("chmod u+w,go+r k");
        assertThat(fs.file("/home/student/k").orElseThrow().mode()).isEqualTo(0644);
        t.run("chmod go-rwx k");
        assertThat(fs.file("/home/student/k").orElseThrow().mode()).isEqualTo(0600);
        t.run("chmod +x k");
        assertThat(fs.file("/home/student/k").orElseThrow().mode()).isEqualTo(0711);
        t.run("chmod a+r,a-x k");
        assertThat(fs.file("/home/student/k").orElseThrow().mode()).isEqualTo(0644);
    }

    @Test
    void chmod_errors_read_like_coreutils() {
        t.run("touch k");

        assertThat(t.run("chmod 600 nope").stderr()).isEqualTo("chmod: cannot access 'nope': No such file or directory\n");
        assertThat(t.run("chmod 999 k").stderr()).isEqualTo("chmod: invalid mode: '999'\nTry 'chmod --help' for more information.\n");
        assertThat(t.run("chmod 600").stderr()).isEqualTo("chmod: missing operand after '600'\nTry 'chmod --help' for more information.\n");
        assertThat(t.status("chmod 600 nope")).isEqualTo(1);
    }

    @Test
    void rm_removes_files_and_needs_r_for_directories() {
        t.run("touch a b; mkdir -p d/e");

        assertThat(t.run("rm a").output()).isEmpty();
        assertThat(t.run("rm d").stderr()).isEqualTo("rm: cannot remove 'd': Is a directory\n");
        assertThat(t.run("rm nope").stderr()).isEqualTo("rm: cannot remove 'nope': No such file or directory\n");
        assertThat(t.status("rm -f nope")).isZero();
        t.run("rm -r d");
        assertThat(t.out("ls | cat")).isEqualTo("b\n");
    }

    @Test
    void mkdir_needs_p_for_missing_parents_and_refuses_existing_names() {
        assertThat(t.run("mkdir a/b").stderr()).isEqualTo("mkdir: cannot create directory 'a/b': No such file or directory\n");
        assertThat(t.status("mkdir -p a/b/c")).isZero();
        assertThat(fs.isDirectory("/home/student/a/b/c")).isTrue();
        assertThat(t.run("mkdir a").stderr()).isEqualTo("mkdir: cannot create directory 'a': File exists\n");
    }

    @Test
    void touch_creates_an_empty_0644_file() {
        t.run("touch new.txt");

        assertThat(fs.file("/home/student/new.txt")).hasValueSatisfying(f -> {
            assertThat(f.content()).isEmpty();
            assertThat(f.mode()).isEqualTo(0644);
        });
    }

    @Test
    void cp_and_mv_copy_and_rename_files() {
        t.file("/home/student/a.txt", "A\n");
        t.run("mkdir dir");

        t.run("cp a.txt b.txt; cp a.txt dir; mv b.txt c.txt");

        assertThat(t.out("cat c.txt dir/a.txt")).isEqualTo("A\nA\n");
        assertThat(fs.exists("/home/student/b.txt")).isFalse();
        assertThat(t.run("mv nope x").stderr()).isEqualTo("mv: cannot stat 'nope': No such file or directory\n");
        assertThat(t.run("cp dir x").stderr()).isEqualTo("cp: -r not specified; omitting directory 'dir'\n");
    }

    @Test
    void tee_writes_files_and_passes_its_input_on() {
        assertThat(t.out("greet tee | tee copy.txt | stdin-upper")).isEqualTo("HELLO TEE\n");
        assertThat(t.out("cat copy.txt")).isEqualTo("hello tee\n");
    }
}
