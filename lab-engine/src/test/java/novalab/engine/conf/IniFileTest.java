package novalab.engine.conf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** crudini-style edits keep comments and order; oslo.config reads the last value. */
class IniFileTest {
    private static final String CONF = "[DEFAULT]\n# comment\ndebug = True\n\n[filter_scheduler]\n# weigh\nram_weight_multiplier = 1.0\n";

    @Test
    void set_replaces_a_value_in_place_and_keeps_comments() {
        IniFile ini = IniFile.parse(CONF);
        ini.set("filter_scheduler", "ram_weight_multiplier", "-1.0");
        assertThat(ini.text()).isEqualTo(CONF.replace("= 1.0", "= -1.0"));
    }

    @Test
    void set_appends_a_new_key_to_its_section_and_creates_missing_sections() {
        IniFile ini = IniFile.parse(CONF);
        ini.set("filter_scheduler", "host_subset_size", "2");
        ini.set("quota", "instances", "5");
        assertThat(ini.get("filter_scheduler", "host_subset_size")).contains("2");
        assertThat(ini.text()).endsWith("ram_weight_multiplier = 1.0\nhost_subset_size = 2\n\n[quota]\ninstances = 5\n");
    }

    @Test
    void dashes_and_underscores_name_the_same_option_and_delete_removes_it() {
        IniFile ini = IniFile.parse(CONF);
        assertThat(ini.get("filter_scheduler", "ram-weight-multiplier")).contains("1.0");
        assertThat(ini.delete("filter_scheduler", "ram_weight_multiplier")).isTrue();
        assertThat(ini.get("filter_scheduler", "ram_weight_multiplier")).isEmpty();
    }

    @Test
    void a_value_that_is_not_a_float_is_oslo_configs_error() {
        NovaConf conf = new NovaConf(IniFile.parse("[filter_scheduler]\nram_weight_multiplier = lots\n"));
        org.assertj.core.api.Assertions.assertThatThrownBy(conf::schedulerOptions)
                .hasMessageEndingWith("is not valid: could not convert string to float: 'lots'");
    }
}
