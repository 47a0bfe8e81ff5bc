package novalab.engine.cli;

/**
 * The JMESPath the AWS and Azure CLIs accept: their Python library still takes the deprecated
 * unquoted form of a backtick literal ({@code Tags[?Key==`Name`]}), which the Java library rejects;
 * this rewrites such literals as JSON strings before compiling. Valid JSON literals are left alone.
 */
public final class JmesPathLiterals {
    private JmesPathLiterals() {}

    public static String normalise(String query) {
        StringBuilder out = new StringBuilder(query.length() + 8);
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\'') {
                int end = query.indexOf('\'', i + 1);
                if (end < 0) end = query.length() - 1;
                out.append(query, i, end + 1);
                i = end + 1;
                continue;
            }
            if (c == '`') {
                int end = query.indexOf('`', i + 1);
                if (end < 0) {
                    out.append(query.substring(i));
                    break;
                }
                String body = query.substring(i + 1, end);
                out.append('`').append(isJson(body) ? body : quote(body)).append('`');
                i = end + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isJson(String s) {
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(s.isBlank() ? "x" : s);
            return !s.isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String quote(String s) {
        return "\"" + s.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
