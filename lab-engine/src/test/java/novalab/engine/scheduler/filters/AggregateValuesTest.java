package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AggregateValuesTest {
    @Test
    void no_aggregate_value_gives_the_fallback() {
        assertThat(AggregateValues.minOr(host("h").build(), "ram_allocation_ratio", 1.5)).isEqualTo(1.5);
    }

    @Test
    void the_smallest_value_wins_as_a_number_not_as_text() {
        assertThat(AggregateValues.minOr(host("h").withAggregate("k", "10", "9.5", " 2 ").build(), "k", 1.0)).isEqualTo(2.0);
    }

    @Test
    void one_unparsable_value_gives_the_fallback_as_in_nova() {
        assertThat(AggregateValues.minOr(host("h").withAggregate("k", "0.5", "XXX").build(), "k", 1.0)).isEqualTo(1.0);
    }

    @Test
    void python_float_syntax_is_accepted() {
        assertThat(Py.parseFloat("1e3")).hasValue(1000.0);
        assertThat(Py.parseFloat("-.5")).hasValue(-0.5);
        assertThat(Py.parseFloat("inf")).hasValue(Double.POSITIVE_INFINITY);
        assertThat(Py.parseFloat("2d")).isEmpty();
        assertThat(Py.parseFloat("0x10")).isEmpty();
        assertThat(Py.parseFloat("")).isEmpty();
    }

    @Test
    void floats_print_like_python_repr() {
        assertThat(Py.repr(1023.0)).isEqualTo("1023.0");
        assertThat(Py.repr(-1024.0)).isEqualTo("-1024.0");
        assertThat(Py.repr(122880.0)).isEqualTo("122880.0");
        assertThat(Py.repr(12345678.0)).isEqualTo("12345678.0");
        assertThat(Py.repr(0.1)).isEqualTo("0.1");
        assertThat(Py.repr(1e16)).isEqualTo("1e+16");
        assertThat(Py.repr(1.5e-5)).isEqualTo("1.5e-05");
    }
}
