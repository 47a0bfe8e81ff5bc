package novalab.web.checkpoint;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * RFC 4180 rows for downloads. A cell a spreadsheet would read as a formula ({@code = + - @} first) gets a
 * leading apostrophe, so a student's answer can never run as a formula on the instructor's machine.
 */
final class Csv {
    private Csv() {}

    static String row(String... cells) {
        return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String s) {
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
