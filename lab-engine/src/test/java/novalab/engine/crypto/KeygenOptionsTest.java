package novalab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeygenOptionsTest {

    @Test
    void clustered_flags_and_attached_values_are_read_as_getopt_reads_them() {
        KeygenOptions opts = KeygenOptions.parse(List.of("-qtrsa", "-b2048", "-f", "k", "-N", "", "-C", "a b"));

        assertThat(opts.quiet()).isTrue();
        assertThat(opts.type()).contains("rsa");
        assertThat(opts.bits()).contains("2048");
        assertThat(opts.file()).contains("k");
        assertThat(opts.passphrase()).contains("");
        assertThat(opts.comment()).contains("a b");
    }

    @Test
    void a_flag_cluster_may_end_with_an_option_that_takes_the_next_word() {
        KeygenOptions opts = KeygenOptions.parse(List.of("-lvf", "id.pub"));

        assertThat(opts.fingerprint()).isTrue();
        assertThat(opts.verbose()).isTrue();
        assertThat(opts.file()).contains("id.pub");
        assertThat(opts.hash()).isEqualTo(Optional.empty());
    }

    @Test
    void double_dash_ends_the_options_and_operands_are_too_many() {
        assertThatThrownBy(() -> KeygenOptions.parse(List.of("-l", "--", "-f")))
                .isInstanceOf(KeygenFailure.class).hasMessage("Too many arguments.");
    }

    @Test
    void rounds_are_accepted_and_ignored() {
        assertThat(KeygenOptions.parse(List.of("-a", "100", "-t", "ed25519")).type()).contains("ed25519");
    }
}
