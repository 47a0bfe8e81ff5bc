package novalab.engine.shell;

import java.util.List;

/** Where a command runs: its session, its three streams, and the positional parameters ($1, $@). */
record Frame(Session session, Input in, Sink out, Sink err, List<String> positional) {
    Frame withIo(Input newIn, Sink newOut, Sink newErr) { return new Frame(session, newIn, newOut, newErr, positional); }

    Frame withSession(Session s) { return new Frame(s, in, out, err, positional); }

    Frame withPositional(List<String> args) { return new Frame(session, in, out, err, List.copyOf(args)); }
}
