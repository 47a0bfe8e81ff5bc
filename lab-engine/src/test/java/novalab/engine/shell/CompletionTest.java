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

    /** A program that is also a Completer: offers "alpha"/"beta" and records what it was asked. */
    private static final class Fruit implements Program, Completer {
        final java.util.List<CompletionRequest> asked = new java.util.ArrayList<>();

        public int run(Invocation inv) { return 0; }

        public java.util.List<String> complete(CompletionRequest r) {
            asked.add(r);
            return r.partial().startsWith("z") ? java.util.List.of() : java.util.List.of("beta", "alpha", "apple");
        }
    }

    @Test
    void a_program_that_completes_is_asked_past_its_name_and_its_answer_is_filtered_by_nothing_but_sorted() {
        Fruit fruit = new Fruit();
        t.node.program("fruit", fruit);
        t.run("export OS_CLOUD=c");

        assertThat(t.shell.complete("fruit --x a")).containsExactly("alpha", "apple", "beta");
        CompletionRequest r = fruit.asked.get(0);
        assertThat(r.words()).containsExactly("fruit", "--x");
        assertThat(r.partial()).isEqualTo("a");
        assertThat(r.node()).isSameAs(t.node);
        assertThat(r.env()).containsEntry("OS_CLOUD", "c");
    }

    @Test
    void the_program_asked_is_the_one_of_the_current_simple_command_after_pipes_semicolons_and_inside_dollar_parens() {
        Fruit fruit = new Fruit();
        t.node.program("fruit", fruit);

        t.shell.complete("ls | fruit a");
        t.shell.complete("true && fruit 'one two' b");
        t.shell.complete("echo $(fruit c");
        t.shell.complete("sudo FOO=1 fruit --flavor=");
        t.shell.complete("echo \"ip: $(fruit d");
        t.shell.complete("for i in 1 2; do fruit e");

        assertThat(fruit.asked).extracting(CompletionRequest::words).containsExactly(
                java.util.List.of("fruit"), java.util.List.of("fruit", "one two"), java.util.List.of("fruit"),
                java.util.List.of("fruit", "--flavor="), java.util.List.of("fruit"), java.util.List.of("fruit"));
        assertThat(t.shell.complete("greet fruit a")).isEmpty();
    }

    @Test
    void paths_still_complete_where_the_program_offers_nothing() {
        t.node.program("fruit", new Fruit());
        t.run("touch zebra.txt");

        assertThat(t.shell.complete("fruit z")).containsExactly("zebra.txt");
    }

    @Test
    void completing_records_nothing_in_the_history_and_leaves_the_clock_alone() {
        t.node.program("fruit", new Fruit());
        t.run("echo one");
        long before = t.clock.nowMs();

        t.shell.complete("fruit a");
        t.shell.complete("ec");

        assertThat(t.shell.history()).containsExactly("echo one");
        assertThat(t.clock.nowMs()).isEqualTo(before);
    }
}
