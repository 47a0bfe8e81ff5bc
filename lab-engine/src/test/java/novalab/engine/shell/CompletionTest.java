package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tab completion: each candidate replaces the last word; sorted. */
class CompletionTest {
    private final Terminal t = new Terminal();

    @Test
    void the_first_word_completes_to_builtins_and_this_machines_programs() {
        assertThat(t.shell.complete("gr")).containsExactly("greet", "grep");
        assertThat(t.shell.complete("ec")).containsExactly("echo");
        assertThat(t.shell.complete("ls | so")).containsExactly("sort", "source");
    }

    @Test
    void later_words_complete_to_file_names_with_a_slash_for_directories() {
        t.run("touch nebula_key.pem nebula.txt .hidden; mkdir nebula_dir");

        assertThat(t.shell.complete("chmod 600 neb")).containsExactly("nebula.txt", "nebula_dir/", "nebula_key.pem");
        assertThat(t.shell.complete("cat nebula_k")).containsExactly("nebula_key.pem");
        assertThat(t.shell.complete("cat .h")).containsExactly(".hidden");
        assertThat(t.shell.complete("cd /ho")).containsExactly("/home/");
    }

    @Test
    void a_dollar_completes_variable_names() {
        t.run("export OS_AUTH_URL=x OS_CLOUD=y");

        assertThat(t.shell.complete("echo $OS_")).containsExactly("$OS_AUTH_URL", "$OS_CLOUD");
    }
}
