package novalab.engine.shell;

/** Backslash escapes of {@code echo -e} and {@code printf}. */
final class Escapes {
    private Escapes() { }

    /**
     * Appends {@code text} with escapes replaced; returns true when {@code \c} cut the output short.
     * {@code printf} octal escapes are {@code \NNN}; echo's are {@code \0NNN}.
     */
    static boolean apply(String text, StringBuilder out, boolean printf) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case 'a': out.append('\007'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'v': out.append('\013'); break;
                case 'e': case 'E': out.append('\033'); break;
                case '\\': out.append('\\'); break;
                case 'c': return true;
                case 'x': {
                    int s = i + 1;
                    int k = s;
                    while (k < n && k - s < 2 && Character.digit(text.charAt(k), 16) >= 0) k++;
                    if (k == s) out.append("\\x");
                    else out.append((char) Integer.parseInt(text.substring(s, k), 16));
                    i = k - 1;
                    break;
                }
                case 'u': {
                    int s = i + 1;
                    int k = s;
                    while (k < n && k - s < 4 && Character.digit(text.charAt(k), 16) >= 0) k++;
                    if (k == s) out.append("\\u");
                    else out.append((char) Integer.parseInt(text.substring(s, k), 16));
                    i = k - 1;
                    break;
                }
                default:
                    if (e >= '0' && e <= '7' && (printf || e == '0')) {
                        int s = printf ? i : i + 1;
                        int k = s;
                        while (k < n && k - s < 3 && text.charAt(k) >= '0' && text.charAt(k) <= '7') k++;
                        out.append(k == s ? '\0' : (char) Integer.parseInt(text.substring(s, k), 8));
                        i = k - 1;
                    } else if (printf && e == '"') {
                        out.append('"');
                    } else {
                        out.append('\\').append(e);
                    }
            }
        }
        return false;
    }
}
