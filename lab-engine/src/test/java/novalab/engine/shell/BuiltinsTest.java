package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** echo, printf, cd, pwd, history, help, which, type, clear, whoami, hostname, date, sleep, env, exit. */
class BuiltinsTest {
    private final Terminal t = new Terminal();

    @Test
    void echo_handles_n_and_e() {
        assertThat(t.out("echo -n no-newline")).isEqualTo("no-newline");
        assertThat(t.out("echo -e 'a\\tb\\nc'")).isEqualTo("a\tb\nc\n");
        assertThat(t.out("echo -x")).isEqualTo("-x\n");
    }

    @Test
    void printf_formats_and_repeats_its_format() {
        assertThat(t.out("printf '%s has %d MB\\n' web 2048 db 8192")).isEqualTo("web has 2048 MB\ndb has 8192 MB\n");
        assertThat(t.out("printf '%-6s|%5.1f\\n' ab 3.14159")).isEqualTo("ab    |  3.1\n");
    }

    @Test
    void cd_goes_home_back_and_complains_about_missing_directories() {
        t.run("mkdir -p projects/lab");

        assertThat(t.out("cd projects/lab; pwd")).isEqualTo("/home/student/projects/lab\n");
        assertThat(t.out("cd -")).isEqualTo("/home/student\n");
        assertThat(t.out("cd /; cd; pwd")).isEqualTo("/home/student\n");
        ExecResult r = t.run("cd nowhere");
        assertThat(r.stderr()).isEqualTo("bash: cd: nowhere: No such file or directory\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void history_numbers_every_typed_line_like_bash() {
        t.run("openstack flavor list");
        t.run("echo hi");

        assertThat(t.out("history")).isEqualTo("    1  openstack flavor list\n    2  echo hi\n    3  history\n");
        assertThat(t.shell.history()).containsExactly("openstack flavor list", "echo hi", "history");
    }

    @Test
    void help_lists_builtins_and_this_machines_programs() {
        String help = t.out("help");

        assertThat(help).contains("Shell builtins:").contains(" cd ").contains("Programs on workstation:").contains("greet");
        assertThat(t.out("help cd")).startsWith("cd: cd [dir]");
    }

    @Test
    void which_and_type_say_where_commands_come_from() {
        assertThat(t.out("which ls greet")).isEqualTo("/usr/bin/ls\n/usr/bin/greet\n");
        assertThat(t.status("which nope")).isEqualTo(1);
        assertThat(t.out("type cd greet")).isEqualTo("cd is a shell builtin\ngreet is /usr/bin/greet\n");
        assertThat(t.err("type nope")).isEqualTo("bash: type: nope: not found\n");
    }

    @Test
    void clear_whoami_and_hostname() {
        assertThat(t.out("clear")).isEqualTo("\u001b[H\u001b[2J");
        assertThat(t.out("whoami; hostname")).isEqualTo("student\nworkstation\n");
    }

    @Test
    void date_reads_the_simulated_clock() {
        assertThat(t.out("date")).isEqualTo("Mon Sep 14 09:00:00 UTC 2026\n");
        assertThat(t.out("date +%s")).isEqualTo(FakeClock.EPOCH.getEpochSecond() + "\n");
        assertThat(t.out("date -u +%Y-%m-%dT%H:%M:%SZ")).isEqualTo("2026-09-14T09:00:00Z\n");
    }

    @Test
    void sleep_advances_the_simulated_clock_including_fractions() {
        t.run("sleep 2");
        assertThat(t.clock.nowMs()).isEqualTo(2000);
        t.run("sleep 0.5");
        assertThat(t.clock.nowMs()).isEqualTo(2500);
        t.run("sleep 1m");
        assertThat(t.clock.nowMs()).isEqualTo(62_500);
        assertThat(t.out("date +%T")).isEqualTo("09:01:02\n");
    }

    @Test
    void sleep_rejects_what_is_not_a_duration() {
        ExecResult r = t.run("sleep soon");

        assertThat(r.stderr()).isEqualTo("sleep: invalid time interval 'soon'\nTry 'sleep --help' for more information.\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(t.clock.nowMs()).isZero();
    }

    @Test
    void env_and_printenv_show_exported_variables() {
        t.run("export OS_CLOUD=lab; LOCAL=1");

        assertThat(t.out("env | grep OS_")).isEqualTo("OS_CLOUD=lab\n");
        assertThat(t.out("printenv OS_CLOUD")).isEqualTo("lab\n");
        assertThat(t.status("printenv LOCAL")).isEqualTo(1);
        assertThat(t.out("env EXTRA=1 showenv EXTRA")).isEqualTo("EXTRA=1\n");
    }

    @Test
    void ubuntus_ll_alias_and_user_aliases_work() {
        t.run("touch a.txt");

        assertThat(t.out("ll | tail -1")).isEqualTo("-rw-r--r-- 1 student student    0 Sep 14 09:00 a.txt\n");
        t.run("alias servers='greet server list'");
        assertThat(t.out("servers --long")).isEqualTo("hello server list --long\n");
        assertThat(t.out("type servers")).isEqualTo("servers is aliased to `greet server list'\n");
        t.run("unalias servers");
        assertThat(t.err("servers")).isEqualTo("bash: servers: command not found\n");
    }

    @Test
    void a_prefix_assignment_reaches_a_builtin_for_that_command_only() {
        assertThat(t.out("echo 'web,ACTIVE' | { IFS=, read name status; echo \"$status $name\"; }; echo \"[$IFS]\"")).isEqualTo("ACTIVE web\n[]\n");
    }

    @Test
    void a_blank_line_keeps_the_last_status() {
        t.run("false");

        assertThat(t.run("   ").status()).isEqualTo(1);
        assertThat(t.out("echo $?")).isEqualTo("1\n");
        assertThat(t.shell.history()).containsExactly("false", "echo $?");
    }

    @Test
    void exit_at_the_top_level_ends_the_terminal() {
        ExecResult r = t.run("exit 3");

        assertThat(r.status()).isEqualTo(3);
        assertThat(t.shell.exited()).isTrue();
    }
}
