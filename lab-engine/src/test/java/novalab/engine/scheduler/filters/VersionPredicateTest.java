package novalab.engine.scheduler.filters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionPredicateTest {
    @Test
    void hypervisor_versions_print_like_oslo_convert_version_to_str() {
        assertThat(VersionPredicate.versionToString(6_002_000)).isEqualTo("6.2.0");
        assertThat(VersionPredicate.versionToString(6_000_000)).isEqualTo("6.0.0");
        assertThat(VersionPredicate.versionToString(5000)).isEqualTo("5.0");
    }

    @Test
    void every_comparison_of_a_predicate_must_hold() {
        VersionPredicate p = VersionPredicate.parse(">= 6.0, <6.2").orElseThrow();

        assertThat(p.satisfiedBy("6.0.0")).isTrue();
        assertThat(p.satisfiedBy("6.1.9")).isTrue();
        assertThat(p.satisfiedBy("6.2.0")).isFalse();
        assertThat(p.satisfiedBy("5.9")).isFalse();
    }

    @Test
    void text_that_is_not_a_predicate_does_not_parse() {
        assertThat(VersionPredicate.parse("6.0")).isEmpty();
        assertThat(VersionPredicate.parse(">=six")).isEmpty();
        assertThat(VersionPredicate.parse(">=6.0,")).isEmpty();
    }
}
