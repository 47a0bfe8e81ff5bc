package novalab.engine.cli.az;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** knack's formatters: json sorted with Python's separators, tabulate "simple" tables, tsv with Python's str(), JMESPath queries. */
class AzOutputTest {
    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String render(String json, String format, String query) {
        return AzOutput.render(parse(json), format, query.isEmpty() ? Optional.empty() : Optional.of(AzOutput.compile(query)), Optional.empty());
    }

    @Test
    void json_sorts_keys_and_indents_two_spaces_with_empty_containers_inline() {
        assertThat(render("{\"b\": [], \"a\": {\"y\": null, \"x\": \"é\"}, \"c\": [1, true]}", "json", ""))
                .isEqualTo("{\n  \"a\": {\n    \"x\": \"é\",\n    \"y\": null\n  },\n  \"b\": [],\n  \"c\": [\n    1,\n    true\n  ]\n}\n");
    }

    @Test
    void table_capitalises_sorted_scalar_keys_and_drops_id_type_etag_nested_and_nulls() {
        String json = "[{\"name\": \"vm1\", \"id\": \"/x\", \"tags\": null, \"hardwareProfile\": {}, \"ok\": true, \"count\": 12345}]";
        assertThat(render(json, "table", "")).isEqualTo("Count    Name    Ok\n-------  ------  ----\n12345    vm1     True\n");
        assertThat(render("[]", "table", "")).isEqualTo("\n");
    }

    @Test
    void a_query_keeps_its_own_column_order_in_tables() {
        assertThat(render("[{\"name\": \"vm1\", \"size\": \"B1s\"}]", "table", "[].{Size:size, Name:name}"))
                .isEqualTo("Size    Name\n------  ------\nB1s     vm1\n");
    }

    @Test
    void tsv_prints_values_in_key_order_lists_as_lengths_and_none_as_python_does() {
        assertThat(render("[{\"b\": [1, 2], \"a\": null, \"c\": {\"x\": 1}, \"d\": false}]", "tsv", "")).isEqualTo("None\t2\t\tFalse\n");
        assertThat(render("true", "tsv", "")).isEqualTo("true\n");
        assertThat(render("{\"a\": {\"b\": \"deep\"}}", "tsv", "a.b")).isEqualTo("deep\n");
    }

    @Test
    void a_null_result_prints_nothing_in_any_format() {
        assertThat(render("{\"a\": 1}", "json", "missing")).isEmpty();
        assertThat(render("{\"a\": 1}", "table", "missing")).isEmpty();
    }
}
