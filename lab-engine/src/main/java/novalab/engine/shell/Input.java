package novalab.engine.shell;

import java.util.Optional;

/** Standard input of a command: the text a pipe, a file or a here-document gave, read once from the front. */
final class Input {
    private final String data;
    private final boolean terminal;
    private int pos;

    Input(String data) {
        this(data, false);
    }

    private Input(String data, boolean terminal) {
        this.data = data;
        this.terminal = terminal;
    }

    /** A fresh, empty terminal input (nothing is typed ahead in the simulated terminal). */
    static Input terminal() { return new Input("", true); }

    boolean isTerminal() { return terminal; }

    /** Everything not yet read; afterwards the input is at its end. */
    String readAll() {
        String rest = data.substring(pos);
        pos = data.length();
        return rest;
    }

    /** The next line without its newline, or empty at end of input. */
    Optional<String> readLine() {
        if (pos >= data.length()) return Optional.empty();
        int nl = data.indexOf('\n', pos);
        String line = nl < 0 ? data.substring(pos) : data.substring(pos, nl);
        pos = nl < 0 ? data.length() : nl + 1;
        return Optional.of(line);
    }
}
