package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a typed line becomes words: quotes, escapes, comments, ~, $VAR, $(...), $((...)), globs and braces. */
class QuotingAndExpansionTest {
    private final Terminal t = new Terminal();

    @Test
    void single_quotes_keep_everything_literal() {
        assertThat(t.out("echo '$HOME \"x\" \\n  two'")).isEqualTo("$HOME \"x\" \\n  two\n");
    }

    @Test
    void double_quotes_expand_variables_and_keep_spacing() {
        assertThat(t.out("x='a   b'; echo \"[$x]\" [$x]")).isEqualTo("[a   b] [a b]\n");
    }

    @Test
    void backslash_escapes_quote_dollar_and_backslash_inside_double_quotes() {
        assertThat(t.out("echo \"say \\\"hi\\\" \\$HOME \\\\ \\n\"")).isEqualTo("say \"hi\" $HOME \\ \\n\n");
    }

    @Test
    void backslash_outside_quotes_escapes_one_character() {
        assertThat(t.out("echo a\\ b \\$USER \\'")).isEqualTo("a b $USER '\n");
    }

    @Test
    void a_hash_starts_a_comment_only_at_the_start_of_a_word() {
        assertThat(t.out("echo a#b # the rest is ignored; echo no")).isEqualTo("a#b\n");
    }

    @Test
    void tilde_expands_to_home_at_the_start_of_a_word() {
        assertThat(t.out("echo ~ ~/keys \"~\" a~")).isEqualTo("/home/student /home/student/keys ~ a~\n");
    }

    @Test
    void unset_variables_expand_to_nothing() {
        assertThat(t.out("echo [$NOPE] \"[${NOPE}]\" $NOPE end")).isEqualTo("[] [] end\n");
    }

    @Test
    void parameter_operators_give_defaults_lengths_and_trimmed_values() {
        assertThat(t.out("f=nebula_key.pem; echo ${USER} ${NOPE:-dflt} ${#USER} ${f%.pem} ${f#*_} ${NOPE:+x}"))
                .isEqualTo("student dflt 7 nebula_key key.pem\n");
    }

    @Test
    void unquoted_expansions_are_split_into_words_and_quoted_ones_are_not() {
        assertThat(t.out("x='1 2  3'; for w in $x; do echo \"<$w>\"; done; for w in \"$x\"; do echo \"<$w>\"; done"))
                .isEqualTo("<1>\n<2>\n<3>\n<1 2  3>\n");
    }

    @Test
    void command_substitution_nests_and_drops_trailing_newlines() {
        assertThat(t.out("echo \"<$(echo a $(echo b))>\"")).isEqualTo("<a b>\n");
        assertThat(t.out("x=$(printf 'l1\\nl2\\n\\n\\n'); echo \"$x\"")).isEqualTo("l1\nl2\n");
    }

    @Test
    void backquotes_are_command_substitution_too() {
        assertThat(t.out("echo `echo old style`")).isEqualTo("old style\n");
    }

    @Test
    void arithmetic_expansion_uses_integer_maths() {
        assertThat(t.out("n=7; echo $((2 + 3 * 4)) $((n / 2)) $((n % 3)) $(( (n + 1) * 2 ))")).isEqualTo("14 3 1 16\n");
    }

    @Test
    void globs_match_files_in_sorted_order_and_stay_literal_without_a_match() {
        t.run("touch b.pem a.pem notes.txt");

        assertThat(t.out("echo *.pem")).isEqualTo("a.pem b.pem\n");
        assertThat(t.out("echo *.zip '*.pem'")).isEqualTo("*.zip *.pem\n");
    }

    @Test
    void braces_expand_lists_and_ranges() {
        assertThat(t.out("echo vm{1..3} {web,db}-01 {a..c}")).isEqualTo("vm1 vm2 vm3 web-01 db-01 a b c\n");
    }
}
