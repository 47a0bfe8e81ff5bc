package novalab.engine.shell;

/** Non-local exits inside the interpreter ({@code exit}, {@code break}, {@code return}, Ctrl-C); never escape the shell. */
abstract class ControlFlow extends RuntimeException {
    ControlFlow() {
        super(null, null, false, false);
    }

    /** {@code exit N}: ends the current session (or subshell). */
    static final class Exit extends ControlFlow {
        final int status;

        Exit(int status) { this.status = status; }
    }

    /** {@code return N} from a function or sourced file. */
    static final class Return extends ControlFlow {
        final int status;

        Return(int status) { this.status = status; }
    }

    /** {@code break N} / {@code continue N}. */
    static final class Loop extends ControlFlow {
        final int levels;
        final boolean isContinue;

        Loop(int levels, boolean isContinue) {
            this.levels = levels;
            this.isContinue = isContinue;
        }
    }

    /** The line ran away (endless loop, endless output): stopped as if by Ctrl-C. */
    static final class Interrupt extends ControlFlow { }

    /** An expansion error ({@code ${x:?}}, bad substitution, arithmetic): the current command fails with this bash message. */
    static final class Failure extends ControlFlow {
        final String text;
        final int status;

        Failure(String text, int status) {
            this.text = text;
            this.status = status;
        }
    }
}
