package novalab.engine.scheduler.filters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vector G (nova test_extra_specs_ops.py) and the remaining operators. */
class ExtraSpecsOpsTest {
    @ParameterizedTest(name = "match(''{0}'', ''{1}'') is {2}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            1        | 1                | true
            ''       | 1                | false
            3        | 1                | false
            222      | 2                | false
            4        | > 2              | false
            123      | = 123            | true
            124      | = 123            | true
            34       | = 234            | false
            34       | =                | false
            123      | s== 123          | true
            1234     | s== 123          | false
            1234     | s!= 123          | true
            1000     | s>= 234          | false
            2        | s< 12            | false
            12311321 | <in> 11          | true
            12310321 | <in> 11          | false
            12       | <or> 11 <or> 12  | true
            13       | <or> 11 <or> 12  | false
            """)
    void vector_G_matches_like_nova(String value, String requirement, boolean expected) {
        assertThat(ExtraSpecsOps.match(value, requirement)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "match(''{0}'', ''{1}'') is {2}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            123      | == 123.0                | true
            123      | != 123                  | false
            123      | >= 124                  | false
            123      | <= 124                  | true
            abc      | s< abd                  | true
            abc      | s<= abc                 | true
            abd      | s> abc                  | true
            abc      | s>= abd                 | false
            sse avx  | <all-in> avx sse        | true
            sse avx  | <all-in> avx aes        | false
            12       | <or> 11 <or> 12 <or> 13 | true
            13       | <or> 11 <or> 12 <or> 13 | true
            13       | <or>                    | false
            abc      | = 1                     | false
            """)
    void other_operators_match_like_nova(String value, String requirement, boolean expected) {
        assertThat(ExtraSpecsOps.match(value, requirement)).isEqualTo(expected);
    }
}
