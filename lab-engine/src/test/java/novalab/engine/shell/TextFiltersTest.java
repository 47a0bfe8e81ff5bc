package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The text tools, each fed through a pipe and from files, with GNU's output shapes. */
class TextFiltersTest {
    private final Terminal t = new Terminal();

    @BeforeEach
    void servers() {
        // a small "openstack server list -f value"-style table: name, status, flavor, ram
        t.file("/home/student/servers.txt", """
                web-01 ACTIVE m1.small 2048
                db-01 ERROR m1.large 8192
                web-02 ACTIVE m1.small 2048
                cache-01 SHUTOFF m1.tiny 512
                """);
    }

    @Test
    void grep_selects_lines_and_reports_no_match_with_status_1() {
        assertThat(t.out("cat servers.txt | grep ACTIVE")).isEqualTo("web-01 ACTIVE m1.small 2048\nweb-02 ACTIVE m1.small 2048\n");
        assertThat(t.out("grep -c web servers.txt")).isEqualTo("2\n");
        assertThat(t.out("grep -n ERROR servers.txt")).isEqualTo("2:db-01 ERROR m1.large 8192\n");
        assertThat(t.out("grep -iv active servers.txt | grep -o '^[a-z]*'")).isEqualTo("db\ncache\n");
        assertThat(t.out("grep -E 'ERROR|SHUTOFF' servers.txt | wc -l")).isEqualTo("2\n");
        assertThat(t.out("grep -w ACTIV servers.txt")).isEmpty();
        assertThat(t.out("grep -w m1.tiny servers.txt")).isEqualTo("cache-01 SHUTOFF m1.tiny 512\n");
        assertThat(t.status("grep -q BUILD servers.txt")).isEqualTo(1);
        assertThat(t.run("grep x nope.txt").stderr()).isEqualTo("grep: nope.txt: No such file or directory\n");
        assertThat(t.status("grep x nope.txt")).isEqualTo(2);
    }

    @Test
    void head_and_tail_take_lines_from_either_end() {
        assertThat(t.out("head -n 1 servers.txt")).isEqualTo("web-01 ACTIVE m1.small 2048\n");
        assertThat(t.out("cat servers.txt | head -2 | tail -1")).isEqualTo("db-01 ERROR m1.large 8192\n");
        assertThat(t.out("tail -n 1 servers.txt")).isEqualTo("cache-01 SHUTOFF m1.tiny 512\n");
        assertThat(t.out("tail -n +4 servers.txt")).isEqualTo("cache-01 SHUTOFF m1.tiny 512\n");
        assertThat(t.out("head -n -3 servers.txt")).isEqualTo("web-01 ACTIVE m1.small 2048\n");
    }

    @Test
    void wc_pads_like_gnu() {
        assertThat(t.out("wc -l servers.txt")).isEqualTo("4 servers.txt\n");
        assertThat(t.out("cat servers.txt | wc -l")).isEqualTo("4\n");
        assertThat(t.out("printf 'a b\\nc\\n' | wc")).isEqualTo("      2       3       6\n");
        assertThat(t.out("wc servers.txt")).isEqualTo("  4  16 111 servers.txt\n");
    }

    @Test
    void cut_picks_fields_and_characters() {
        assertThat(t.out("cut -d ' ' -f1,3 servers.txt | head -1")).isEqualTo("web-01 m1.small\n");
        assertThat(t.out("echo a:b:c:d | cut -d: -f2-")).isEqualTo("b:c:d\n");
        assertThat(t.out("echo abcdef | cut -c2-4")).isEqualTo("bcd\n");
        assertThat(t.run("cut servers.txt").stderr()).isEqualTo("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    }

    @Test
    void sort_orders_by_text_number_key_and_uniqueness() {
        assertThat(t.out("cut -d' ' -f1 servers.txt | sort")).isEqualTo("cache-01\ndb-01\nweb-01\nweb-02\n");
        assertThat(t.out("sort -k4 -n servers.txt | cut -d' ' -f4")).isEqualTo("512\n2048\n2048\n8192\n");
        assertThat(t.out("sort -t ' ' -k4,4nr servers.txt | head -1")).isEqualTo("db-01 ERROR m1.large 8192\n");
        assertThat(t.out("cut -d' ' -f3 servers.txt | sort -u")).isEqualTo("m1.large\nm1.small\nm1.tiny\n");
        assertThat(t.out("printf '10\\n9\\n100\\n' | sort -rn")).isEqualTo("100\n10\n9\n");
    }

    @Test
    void uniq_counts_adjacent_repeats() {
        assertThat(t.out("cut -d' ' -f2 servers.txt | sort | uniq -c")).isEqualTo("      2 ACTIVE\n      1 ERROR\n      1 SHUTOFF\n");
    }

    @Test
    void tr_translates_deletes_and_squeezes() {
        assertThat(t.out("echo web-01 | tr a-z A-Z")).isEqualTo("WEB-01\n");
        assertThat(t.out("echo 'a-b-c' | tr -d -")).isEqualTo("abc\n");
        assertThat(t.out("echo 'a    b' | tr -s ' '")).isEqualTo("a b\n");
        assertThat(t.out("echo hello | tr '[:lower:]' '[:upper:]'")).isEqualTo("HELLO\n");
    }

    @Test
    void awk_prints_fields_filters_and_sums() {
        assertThat(t.out("awk '{print $1}' servers.txt | head -2")).isEqualTo("web-01\ndb-01\n");
        assertThat(t.out("awk '$2 == \"ACTIVE\" {n++} END {print n}' servers.txt")).isEqualTo("2\n");
        assertThat(t.out("awk '{ram += $4} END {print ram}' servers.txt")).isEqualTo("12800\n");
        assertThat(t.out("echo a,b,c | awk -F, '{print $NF, NF}'")).isEqualTo("c 3\n");
        assertThat(t.out("awk '/ERROR/ {printf \"%s is broken\\n\", $1}' servers.txt")).isEqualTo("db-01 is broken\n");
    }

    @Test
    void sed_substitutes_prints_and_deletes() {
        assertThat(t.out("echo m1.small | sed 's/small/large/'")).isEqualTo("m1.large\n");
        assertThat(t.out("echo aaa | sed 's/a/b/g'")).isEqualTo("bbb\n");
        assertThat(t.out("sed -n '2p' servers.txt")).isEqualTo("db-01 ERROR m1.large 8192\n");
        assertThat(t.out("sed '/web/d' servers.txt | wc -l")).isEqualTo("2\n");
        assertThat(t.run("echo x | sed 's/a'").stderr()).isEqualTo("sed: -e expression #1, char 3: unterminated `s' command\n");
    }

    @Test
    void sed_i_edits_a_config_file_in_place() {
        t.file("/home/student/nova.conf", "[DEFAULT]\ncpu_allocation_ratio = 16.0\n");

        t.run("sed -i 's/^cpu_allocation_ratio = .*/cpu_allocation_ratio = 4.0/' nova.conf");

        assertThat(t.out("cat nova.conf")).isEqualTo("[DEFAULT]\ncpu_allocation_ratio = 4.0\n");
    }

    @Test
    void seq_counts_and_xargs_builds_commands() {
        assertThat(t.out("seq 3")).isEqualTo("1\n2\n3\n");
        assertThat(t.out("seq 2 2 6 | xargs echo")).isEqualTo("2 4 6\n");
        assertThat(t.out("seq -s, 1 4")).isEqualTo("1,2,3,4\n");
        assertThat(t.out("cut -d' ' -f1 servers.txt | head -2 | xargs -n1 greet")).isEqualTo("hello web-01\nhello db-01\n");
    }
}
